// Spend grouped by account, OU, service, cost center or tag value over a window of months or days.
import "server-only";
import { ZCostReport, type TCostQuery, type TCostReport } from "@/lib/api/costs";
import type { Scope } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { shareOf } from "@/lib/domain/showback/decimal";
import { totalsOf } from "@/lib/domain/showback/pivot";
import { prepareCostReport } from "./prepare-cost-report";
import { readCostRow } from "./read-cost-row";

export async function getCosts(
  db: Db,
  scope: Scope,
  input: TCostQuery,
  now = new Date(),
): Promise<TCostReport> {
  const plan = await prepareCostReport(db, scope, input, now);
  const raw: unknown[] = await db.$queryRaw(plan.sql);
  const rows = raw.map((r) => readCostRow(plan.groupBy, plan.periods, r));
  const groups = rows.map((r) => r.group);
  const estimated = new Set(rows.flatMap((r) => r.estimatedPeriods));
  const totals = totalsOf(plan.periods, groups);
  const untagged = groups.find((g) => g.key === "");

  return ZCostReport.parse({
    query: plan.query,
    periods: plan.periods.map((key) => ({
      key,
      estimated: estimated.has(key) || key.slice(0, 7) >= plan.currentMonth.slice(0, 7),
    })),
    groups,
    totals,
    untaggedShare:
      plan.groupBy.kind === "tag" ? shareOf(untagged?.total ?? "0", totals.total) : undefined,
    filters: plan.filters,
  });
}
