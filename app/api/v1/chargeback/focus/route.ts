// GET /api/v1/chargeback/focus – FOCUS 1.2 CSV of the cost data for a range of billing months (streamed; audited)
import { route } from "@/lib/server/http/route";
import { env } from "@/lib/env";
import { ZFocusExportQuery } from "@/lib/domain/allocation/api-schema";
import { csvResponse } from "@/lib/export/csv";
import { focusCsvRows } from "@/lib/focus/export-focus";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { scopedAccountIds } from "@/lib/server/chargeback/scoped-account-ids";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "export", query: ZFocusExportQuery, rateLimit: "export" }, async ({ db, principal, query }) => {
  const accountIds = await scopedAccountIds(db, principal.scope);
  await recordAuditEvent({ actor: principal.email, action: "export.focus", target: null, detail: { from: query.from, to: query.to, scoped: accountIds !== null } });
  return csvResponse(`focus-${query.from.slice(0, 7)}-to-${query.to.slice(0, 7)}`, focusCsvRows(env.DATABASE_URL, { from: query.from, to: query.to, accountIds }));
});
