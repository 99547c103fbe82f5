// The chargeback CSV download of one month: only the caller's accounts (filtered in the SQL),
// audited, streamed from COPY with back-pressure.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import { env } from "@/lib/env";
import { byteStream, csvBytesResponse } from "@/lib/export/csv";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { chargebackCsvPieces } from "./chargeback-csv";
import { scopedAccountIds } from "./scoped-account-ids";

export async function exportChargeback(
  db: Db,
  principal: Principal,
  month: string,
  databaseUrl = env.DATABASE_URL,
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
  return csvBytesResponse(
    `chargeback-${month.slice(0, 7)}`,
    byteStream(chargebackCsvPieces(db, databaseUrl, month, visible)),
  );
}
