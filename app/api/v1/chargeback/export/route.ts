// GET /api/v1/chargeback/export – the month's chargeback as CSV (streamed; exact cents; audited)
import { z } from "zod";
import { route } from "@/lib/server/http/route";
import { ZMonthParam } from "@/lib/domain/allocation/api-schema";
import { csvResponse } from "@/lib/export/csv";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { chargebackCsvRows } from "@/lib/server/chargeback/chargeback-csv-rows";
import { scopedAccountIds } from "@/lib/server/chargeback/scoped-account-ids";

export const dynamic = "force-dynamic";

const ZQuery = z.object({ month: ZMonthParam });

export const GET = route({ permission: "export", query: ZQuery, rateLimit: "export" }, async ({ db, principal, query }) => {
  const visible = await scopedAccountIds(db, principal.scope);
  await recordAuditEvent({ actor: principal.email, action: "export.chargeback", target: query.month, detail: { month: query.month, scoped: visible !== null } });
  return csvResponse(`chargeback-${query.month.slice(0, 7)}`, chargebackCsvRows(db, query.month, visible));
});
