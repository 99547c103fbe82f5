// The chargeback CSV download of one month: only the caller's accounts, audited, streamed.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import { csvResponse } from "@/lib/export/csv";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { chargebackCsvRows } from "./chargeback-csv-rows";
import { scopedAccountIds } from "./scoped-account-ids";

export async function exportChargeback(
  db: Db,
  principal: Principal,
  month: string,
): Promise<Response> {
  const visible = await scopedAccountIds(db, principal.scope);
  await recordAuditEvent(
    {
      actor: principal.email,
      action: "export.chargeback",
      target: month,
      detail: { month, scoped: visible !== null },
    },
    db,
  );
  return csvResponse(`chargeback-${month.slice(0, 7)}`, chargebackCsvRows(db, month, visible));
}
