// Spend grouped by account, OU, service, cost center or tag value over a window of months or days.
import "server-only";
import type { TCostPageQuery, TCostReport } from "@/lib/api/costs";
import type { Scope } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { shareOf } from "@/lib/domain/showback/decimal";
import { startServerTiming, type ServerTiming } from "@/lib/server/http/server-timing";
import { prepareCostReport, type TCostPlan } from "./prepare-cost-report";
import { checkCostRow, readCostRow } from "./read-cost-row";

/** The group rows, then the totals row the query always ends with. */
function readRows(plan: TCostPlan, raw: readonly unknown[]) {
  const rows = raw.map(checkCostRow);
  const last = rows.pop();
  if (!last?.is_total) throw new TypeError("showback query: no totals row");
  return {
    groups: rows.map((r) => readCostRow(plan.groupBy, plan.periods, r)),
    totals: { row: last, grid: readCostRow(plan.groupBy, plan.periods, last) },
  };
}

/**
 * `limit`/`offset` page the groups (largest first); totals, untagged share and the group count
 * always cover every group in the caller's scope.
 * The answer is built to the ZCostReport shape without parsing it again on the way out: for 5,000
 * groups the parse cost more than the query (the tests hold the answer to the schema).
 */
export async function getCosts(
  db: Db,
  scope: Scope,
  input: TCostPageQuery,
  now = new Date(),
  timing: ServerTiming = startServerTiming(),
): Promise<TCostReport> {
  const { limit, offset, ...view } = input;
  const page = limit === undefined ? null : { limit, offset: offset ?? 0 };
  const plan = await timing.span("prepare", () => prepareCostReport(db, scope, view, now, page));
  const raw = await timing.span("sql", () => db.$queryRaw<unknown[]>(plan.sql));
  const { groups, totals } = await timing.span("rows", () => Promise.resolve(readRows(plan, raw)));
  const estimated = new Set(totals.row.periods.filter((_, i) => totals.row.estimated[i]));

  return {
    query: plan.query,
    periods: plan.periods.map((key) => ({
      key,
      estimated: estimated.has(key) || key.slice(0, 7) >= plan.currentMonth.slice(0, 7),
    })),
    groups,
    page: {
      offset: page?.offset ?? 0,
      limit: limit ?? null,
      groupCount: totals.row.group_count ?? groups.length,
    },
    totals: { values: totals.grid.values, total: totals.grid.total },
    untaggedShare:
      plan.groupBy.kind === "tag"
        ? shareOf(totals.row.blank_total ?? "0", totals.grid.total)
        : undefined,
    filters: plan.filters,
  };
}
