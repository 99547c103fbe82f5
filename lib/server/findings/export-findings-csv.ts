// The filtered findings as CSV rows, read in keyset batches so any size streams in constant memory.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/domain/access";
import type { TFindingFilters } from "@/lib/api/findings";
import type { CsvCell } from "@/lib/export/csv";
import { findingsWhere } from "./findings-where";
import { queryFindingRows, type FindingCursor } from "./query-finding-rows";

const BATCH = 1_000;

const HEADER = [
  "id",
  "severity",
  "check_id",
  "check_title",
  "category",
  "status",
  "stale",
  "muted_until",
  "mute_reason",
  "muted_by",
  "exception_rule",
  "owner",
  "due_at",
  "overdue",
  "ticket_url",
  "account_id",
  "account_name",
  "ou_id",
  "ou_name",
  "resource",
  "title",
  "message",
  "first_seen_at",
  "last_seen_at",
  "resolved_at",
] as const;

export async function* exportFindingsCsv(
  db: Db,
  scope: Scope,
  filters: TFindingFilters,
  owners: readonly string[] = [],
): AsyncGenerator<readonly CsvCell[]> {
  yield HEADER;
  const where = findingsWhere(filters, scope, { owners });
  let after: FindingCursor | null = null;
  for (;;) {
    const page = await queryFindingRows(db, where, after, BATCH);
    for (const { row: r } of page) {
      yield [
        r.id,
        r.severity,
        r.checkId,
        r.checkTitle,
        r.category,
        r.status,
        r.stale,
        r.mutedUntil,
        r.muteReason,
        r.mutedBy,
        r.exception?.name ?? null,
        r.owner,
        r.dueAt,
        r.overdue,
        r.ticketUrl,
        r.accountId,
        r.accountName,
        r.ouId,
        r.ouName,
        r.resource,
        r.title,
        r.message,
        r.firstSeenAt,
        r.lastSeenAt,
        r.resolvedAt,
      ];
    }
    const last = page.at(-1);
    if (!last || page.length < BATCH) return;
    after = last.cursor;
  }
}
