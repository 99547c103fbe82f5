// GET /api/v1/accounts/inventory/export's work: the caller's accounts list, audited with its query, streamed as CSV.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import type { TAccountInventoryQuery } from "@/lib/api/accounts";
import { csvResponse } from "@/lib/export/csv";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { exportAccountInventoryCsv } from "./export-account-inventory-csv";

/** The download: audited with its search, filters and order, then the caller's accounts streamed. */
export async function exportAccountInventory(
  db: Db,
  principal: Principal,
  query: TAccountInventoryQuery,
  now = new Date(),
): Promise<Response> {
  const detail = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
  await recordAuditEvent(
    { actor: principal.email, action: "accounts.export", target: null, detail },
    db,
  );
  return csvResponse(
    `accounts-${now.toISOString().slice(0, 10)}`,
    exportAccountInventoryCsv(db, principal.scope, query, now),
  );
}
