// GET /api/v1/costs/export – the same showback view as a streamed CSV download (audited)
import { ZCostQuery } from "@/lib/api/costs";
import { route } from "@/lib/server/http/route";
import { env } from "@/lib/env";
import { csvResponse } from "@/lib/export/csv";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { exportCostsCsv } from "@/lib/server/costs/export-costs-csv";
import { prepareCostReport } from "@/lib/server/costs/prepare-cost-report";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "export", query: ZCostQuery, rateLimit: "export" }, async ({ db, principal, query }) => {
  const plan = await prepareCostReport(db, principal.scope, query);
  await recordAuditEvent({ actor: principal.email, action: "export.costs", target: null, detail: { ...plan.query, scoped: principal.scope.ouIds !== null } });
  const { filename, rows } = exportCostsCsv(plan, env.DATABASE_URL);
  return csvResponse(filename, rows);
});
