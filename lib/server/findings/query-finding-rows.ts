// Finding rows with their account and OU names, in triage order (severity, then check, account,
// resource), one keyset page at a time: shared by the list and the CSV export.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { checkDefinition, SEVERITIES } from "@/lib/domain/checks";
import type { TFindingRow } from "@/lib/api/findings";
import { OVERDUE } from "./findings-where";

/** Position after which a page starts: severity rank and fingerprint (unique, ordered like the view). */
export interface FindingCursor {
  rank: number;
  fingerprint: string;
}

const iso = z.date().transform((d) => d.toISOString());
const ZRow = z.object({
  id: z.string(),
  fingerprint: z.string(),
  rank: z.number().int(),
  check_id: z.string(),
  category: z.string(),
  severity: z.enum(SEVERITIES),
  title: z.string(),
  message: z.string(),
  resource: z.string(),
  account_id: z.string().nullable(),
  account_name: z.string().nullable(),
  ou_id: z.string().nullable(),
  ou_name: z.string().nullable(),
  status: z.string(),
  stale: z.boolean(),
  first_seen_at: iso,
  last_seen_at: iso,
  resolved_at: iso.nullable(),
  muted_until: iso.nullable(),
  mute_reason: z.string().nullable(),
  muted_by: z.string().nullable(),
  exception_id: z.string().nullable(),
  exception_name: z.string().nullable(),
  exception_reason: z.string().nullable(),
  owner: z.string().nullable(),
  due_at: iso.nullable(),
  ticket_url: z.string().nullable(),
  overdue: z.boolean(),
});

export const SEVERITY_RANK = Prisma.sql`array_position(ARRAY['critical','high','medium','low','info']::text[], f.severity)`;

export async function queryFindingRows(
  db: Db,
  where: Prisma.Sql,
  after: FindingCursor | null,
  limit: number,
): Promise<{ row: TFindingRow; cursor: FindingCursor }[]> {
  const keyset = after
    ? Prisma.sql`AND (${SEVERITY_RANK}, f.fingerprint) > (${after.rank}::int, ${after.fingerprint})`
    : Prisma.empty;
  const raw = await db.$queryRaw`
    SELECT f.id::text AS id, f.fingerprint, ${SEVERITY_RANK} AS rank, f.check_id, f.category, f.severity, f.title, f.message, f.resource,
           f.account_id, a.name AS account_name, coalesce(f.ou_id, a.ou_id) AS ou_id, o.name AS ou_name,
           f.status, f.stale, f.first_seen_at, f.last_seen_at, f.resolved_at,
           CASE WHEN f.muted_until > now() THEN f.muted_until END AS muted_until,
           CASE WHEN f.muted_until > now() THEN f.mute_reason END AS mute_reason,
           CASE WHEN f.muted_until > now() THEN f.muted_by END AS muted_by,
           x.id::text AS exception_id, x.name AS exception_name, x.reason AS exception_reason,
           f.owner, f.due_at, f.ticket_url, ${OVERDUE} AS overdue
    FROM finding f
    LEFT JOIN exception_rule x ON x.id = f.exception_rule_id AND f.status = 'open'
    LEFT JOIN account a ON a.id = f.account_id
    LEFT JOIN org_unit o ON o.id = coalesce(f.ou_id, a.ou_id)
    WHERE ${where} ${keyset}
    ORDER BY ${SEVERITY_RANK}, f.fingerprint
    LIMIT ${limit}`;
  return z
    .array(ZRow)
    .parse(raw)
    .map((r) => ({
      cursor: { rank: r.rank, fingerprint: r.fingerprint },
      row: {
        id: r.id,
        checkId: r.check_id,
        checkTitle: checkDefinition(r.check_id)?.title ?? r.check_id,
        category: r.category,
        severity: r.severity,
        title: r.title,
        message: r.message,
        resource: r.resource,
        accountId: r.account_id,
        accountName: r.account_name,
        ouId: r.ou_id,
        ouName: r.ou_name,
        status: r.status,
        stale: r.stale,
        firstSeenAt: r.first_seen_at,
        lastSeenAt: r.last_seen_at,
        resolvedAt: r.resolved_at,
        mutedUntil: r.muted_until,
        muteReason: r.mute_reason,
        mutedBy: r.muted_by,
        exception:
          r.exception_id !== null && r.exception_name !== null && r.exception_reason !== null
            ? { id: r.exception_id, name: r.exception_name, reason: r.exception_reason }
            : null,
        owner: r.owner,
        dueAt: r.due_at,
        ticketUrl: r.ticket_url,
        overdue: r.overdue,
      },
    }));
}
