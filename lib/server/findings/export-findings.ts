// GET /api/v1/findings/export's work: the caller's filtered findings, audited with the filters, streamed as CSV.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import type { TFindingFilters } from "@/lib/api/findings";
import { csvResponse } from "@/lib/export/csv";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { exportFindingsCsv } from "./export-findings-csv";
import { ownerIdentities } from "./owner-identities";

/** The download: audited with its filters, then the caller's findings streamed. */
export async function exportFindings(
  db: Db,
  principal: Principal,
  filters: TFindingFilters,
  now = new Date(),
): Promise<Response> {
  const detail = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
  await recordAuditEvent(
    { actor: principal.email, action: "findings.export", target: null, detail },
    db,
  );
  return csvResponse(
    `findings-${filters.status}-${now.toISOString().slice(0, 10)}`,
    exportFindingsCsv(db, principal.scope, filters, ownerIdentities(principal)),
  );
}
