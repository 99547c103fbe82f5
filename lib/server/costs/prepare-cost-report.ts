// Resolves a showback query into what both the JSON view and the CSV export run: the window, the
// periods (columns), the checked filters and the SQL. Filters outside the caller's scope are 404s.
// Only the JSON view pages its groups: the CSV holds them all.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { z } from "zod";
import type { TCostPage, TCostQuery, TCostReport, TResolvedCostQuery } from "@/lib/api/costs";
import type { Scope } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { monthOf, monthRange } from "@/lib/domain/months";
import {
  formatGroupBy,
  ouDisplayPath,
  parseGroupBy,
  type TGroupBy,
} from "@/lib/domain/showback/group-by";
import { lastDayOf, resolveWindow } from "@/lib/domain/showback/period";
import { AppError, notFound } from "@/lib/errors";
import { accountScope, ouScope } from "@/lib/server/scope";
import { buildCostSql } from "./build-cost-sql";

export interface TCostPlan {
  query: TResolvedCostQuery;
  groupBy: TGroupBy;
  /** Column keys: "YYYY-MM-01" months, or the collected "YYYY-MM-DD" days. */
  periods: string[];
  currentMonth: string;
  filters: TCostReport["filters"];
  sql: Prisma.Sql;
}

const ZDays = z.array(z.object({ day: z.string() }));

/**
 * Charge types and regions are facts per account and month (Cost Explorer groups by two keys at
 * most): they combine with account, OU and cost-center groupings, and with themselves, never with
 * services, tags, days or each other.
 */
function checkDimensions(groupBy: TGroupBy, input: TCostQuery): void {
  const byDimension = groupBy.kind === "charge-type" || groupBy.kind === "region";
  const filtered = (input.chargeType ? 1 : 0) + (input.region ? 1 : 0);
  if ((byDimension || filtered > 0) && input.granularity === "daily")
    throw new AppError(
      "DIMENSION_NEEDS_MONTHLY",
      "Spend by charge type and by region is collected per month: choose the monthly granularity.",
    );
  if (filtered === 0) return;
  const other =
    filtered > 1 ||
    groupBy.kind === "service" ||
    groupBy.kind === "tag" ||
    (groupBy.kind === "charge-type" && input.region) ||
    (groupBy.kind === "region" && input.chargeType);
  if (other)
    throw new AppError(
      "DIMENSION_FILTER_UNSUPPORTED",
      "A charge-type or region filter works with grouping by account, OU, cost center or that same dimension, one filter at a time.",
    );
}

export async function prepareCostReport(
  db: Db,
  scope: Scope,
  input: TCostQuery,
  now = new Date(),
  page: TCostPage | null = null,
): Promise<TCostPlan> {
  const groupBy = parseGroupBy(input.groupBy);
  if (!groupBy) throw new AppError("UNKNOWN_GROUPING", "Unknown grouping.");
  if (groupBy.kind === "tag" && input.granularity === "daily")
    throw new AppError(
      "TAG_NEEDS_MONTHLY",
      "Spend by tag is collected per month: choose the monthly granularity.",
    );
  checkDimensions(groupBy, input);
  const window = resolveWindow({ from: input.from, to: input.to }, now);
  if ("error" in window) throw new AppError("INVALID_PERIOD", window.error);

  const [ou, account] = await Promise.all([
    input.ou
      ? db.orgUnit.findFirst({
          where: { id: input.ou, ...ouScope(scope) },
          select: { id: true, path: true },
        })
      : null,
    input.account
      ? db.account.findFirst({
          where: { id: input.account, ...accountScope(scope) },
          select: { id: true, name: true },
        })
      : null,
  ]);
  if (input.ou && !ou) throw notFound("That OU does not exist or is outside your scope.");
  if (input.account && !account)
    throw notFound("That account does not exist or is outside your scope.");

  const firstDay = window.from;
  const lastDay = lastDayOf(window.to);
  const periods =
    input.granularity === "monthly"
      ? monthRange(window.from, window.to)
      : ZDays.parse(
          await db.$queryRaw`
            SELECT to_char(d, 'YYYY-MM-DD') AS day FROM generate_series(${firstDay}::date, ${lastDay}::date, interval '1 day') AS d
            WHERE EXISTS (SELECT 1 FROM cost_daily WHERE day = d::date) ORDER BY d`,
        ).map((r) => r.day);

  const query: TResolvedCostQuery = {
    groupBy: formatGroupBy(groupBy),
    metric: input.metric,
    granularity: input.granularity,
    from: window.from,
    to: window.to,
    ou: ou?.id ?? null,
    ouAt: input.ouAt,
    account: account?.id ?? null,
    chargeType: input.chargeType ?? null,
    region: input.region ?? null,
  };
  return {
    query,
    groupBy,
    periods,
    currentMonth: monthOf(now),
    filters: {
      ou: ou ? { id: ou.id, label: ouDisplayPath(ou.path) } : null,
      account: account ? { id: account.id, label: account.name } : null,
    },
    sql: buildCostSql({ ...query, groupBy, firstDay, lastDay, page }, scope),
  };
}
