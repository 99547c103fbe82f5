// GET /api/v1/costs/export's work: the caller's showback view (filters outside their scope are 404s),
// audited, then streamed as CSV through the shared export pool.
import "server-only";
import type { TCostQuery } from "@/lib/api/costs";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import { env } from "@/lib/env";
import { csvResponse } from "@/lib/export/csv";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { exportCostsCsv } from "./export-costs-csv";
import { prepareCostReport } from "./prepare-cost-report";

/** The download: the caller's view (filters outside their scope are 404s), audited, then streamed. */
export async function exportCosts(
  db: Db,
  principal: Principal,
  input: TCostQuery,
  databaseUrl = env.DATABASE_URL,
): Promise<Response> {
  const plan = await prepareCostReport(db, principal.scope, input);
  await recordAuditEvent(
    {
      actor: principal.email,
      action: "export.costs",
      target: null,
      detail: { ...plan.query, scoped: principal.scope.ouIds !== null },
    },
    db,
  );
  const { filename, rows } = exportCostsCsv(plan, databaseUrl);
  return csvResponse(filename, rows);
}
