// The FOCUS 1.2 CSV download of a range of billing months: only the caller's accounts, audited,
// streamed through the shared export pool.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import { env } from "@/lib/env";
import { byteStream, csvBytesResponse } from "@/lib/export/csv";
import { focusCsvPieces } from "@/lib/focus/export-focus";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { scopedAccountIds } from "./scoped-account-ids";

export async function exportFocus(
  db: Db,
  principal: Principal,
  range: { from: string; to: string },
  databaseUrl = env.DATABASE_URL,
): Promise<Response> {
  const accountIds = await scopedAccountIds(db, principal.scope);
  await recordAuditEvent(
    {
      actor: principal.email,
      action: "export.focus",
      target: null,
      detail: { from: range.from, to: range.to, scoped: accountIds !== null },
    },
    db,
  );
  return csvBytesResponse(
    `focus-${range.from.slice(0, 7)}-to-${range.to.slice(0, 7)}`,
    byteStream(focusCsvPieces(databaseUrl, { from: range.from, to: range.to, accountIds })),
  );
}
