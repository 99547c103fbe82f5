import "server-only";
import { z } from "zod";
import type { Scope } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import {
  budgetFigures,
  daysIn,
  type DailySpend,
  type MonthWindow,
} from "@/lib/domain/budgets/budget-figures";
import { BUDGET_SCOPES, ZBudgetList, type TBudgetList } from "@/lib/api/budgets";
import { addMonths, monthOf } from "@/lib/domain/months";
import { Prisma } from "@/lib/generated/prisma/client";
import { accountScope, sqlAccountScope } from "@/lib/server/scope";

const ZDailyRow = z.object({ account_id: z.string(), day: z.string(), amount: z.string() });
const ZDayCount = z.object({ month: z.string(), days: z.number(), last: z.number() });

/** Budgets in the caller's scope with this month's actual, local forecast and burn-down, plus AWS Budgets. */
export async function getBudgets(db: Db, scope: Scope, now = new Date()): Promise<TBudgetList> {
  const month = monthOf(now);
  const from = addMonths(month, -3);
  const next = addMonths(month, 1);
  const [accounts, budgets, rawDaily, rawDays] = await Promise.all([
    db.account.findMany({
      where: accountScope(scope),
      select: {
        id: true,
        name: true,
        costCenter: true,
        ou: { select: { id: true, path: true, pathIds: true } },
      },
    }),
    db.budget.findMany({ orderBy: { name: "asc" } }),
    db.$queryRaw`
      SELECT account_id, to_char(day, 'YYYY-MM-DD') AS day, sum(unblended)::text AS amount FROM cost_daily
      WHERE day >= ${from}::date AND day < ${next}::date ${sqlAccountScope(Prisma.raw("account_id"), scope)}
      GROUP BY account_id, day`,
    db.$queryRaw`
      SELECT to_char(date_trunc('month', day), 'YYYY-MM-DD') AS month, count(DISTINCT day)::int AS days, max(extract(day FROM day))::int AS last
      FROM cost_daily WHERE day >= ${from}::date AND day < ${next}::date GROUP BY 1`,
  ]);
  const spend: DailySpend = new Map();
  for (const r of z.array(ZDailyRow).parse(rawDaily)) {
    const m = spend.get(r.account_id) ?? new Map<string, number>();
    m.set(r.day, Number(r.amount));
    spend.set(r.account_id, m);
  }
  const days = new Map(
    z
      .array(ZDayCount)
      .parse(rawDays)
      .map((d) => [d.month, d]),
  );
  const daysElapsed = days.get(month)?.last ?? 0;
  const current: MonthWindow = { month, daysInMonth: daysIn(month) };
  const history = [1, 2, 3]
    .map((n) => addMonths(month, -n))
    .filter((m) => days.get(m)?.days === daysIn(m))
    .map((m) => ({ month: m, daysInMonth: daysIn(m) }));

  const accountById = new Map(accounts.map((a) => [a.id, a]));
  const ous = await db.orgUnit.findMany({
    where: { id: { in: budgets.filter((b) => b.scopeType === "ou").map((b) => b.scopeId) } },
    select: { id: true, path: true, pathIds: true },
  });
  const ouById = new Map(ous.map((o) => [o.id, o]));
  const inScope = (ouPathIds: string[]) =>
    !scope.ouIds || scope.ouIds.some((id) => ouPathIds.includes(id));

  const views = budgets.flatMap((b) => {
    const scopeType = z.enum(BUDGET_SCOPES).safeParse(b.scopeType);
    if (!scopeType.success) return [];
    let ids: string[];
    let label: string;
    if (scopeType.data === "account") {
      const a = accountById.get(b.scopeId);
      if (!a) return [];
      ids = [a.id];
      label = `${a.name} (${a.id})`;
    } else if (scopeType.data === "ou") {
      const ou = ouById.get(b.scopeId);
      if (!ou || !inScope(ou.pathIds)) return [];
      ids = accounts.filter((a) => a.ou.pathIds.includes(b.scopeId)).map((a) => a.id);
      label = ou.path;
    } else {
      // A cost center spans OUs: only callers who see the whole organization see its budget.
      if (scope.ouIds) return [];
      ids = accounts.filter((a) => a.costCenter === b.scopeId).map((a) => a.id);
      label = `Cost center ${b.scopeId}`;
    }
    const amount = b.monthlyAmount.toNumber();
    const fig = budgetFigures({ amount, accountIds: ids, spend, current, daysElapsed, history });
    return [
      {
        id: b.id,
        name: b.name,
        scopeType: scopeType.data,
        scopeId: b.scopeId,
        scopeLabel: label,
        source: b.source,
        monthlyAmount: amount,
        accounts: ids.length,
        ...fig,
      },
    ];
  });

  const awsRows = await db.awsBudget.findMany({
    where: { accountId: { in: accounts.map((a) => a.id) } },
    orderBy: [{ accountId: "asc" }, { name: "asc" }],
  });
  const imported = new Set(
    budgets.filter((b) => b.source === "aws").map((b) => `${b.scopeId}|${b.name}`),
  );
  return ZBudgetList.parse({
    month,
    daysElapsed,
    daysInMonth: current.daysInMonth,
    budgets: views,
    awsBudgets: awsRows.map((r) => {
      // OrgLens's own month-end forecast of the spend the budget watches, beside AWS's, from the daily
      // cost the collector stores; none when those accounts have no daily cost at all.
      const watched = r.linkedAccountIds.length ? r.linkedAccountIds : [r.accountId];
      const own = budgetFigures({
        amount: r.limit.toNumber(),
        accountIds: watched,
        spend,
        current,
        daysElapsed,
        history,
      });
      return {
        accountId: r.accountId,
        accountName: accountById.get(r.accountId)?.name ?? r.accountId,
        name: r.name,
        limit: r.limit.toNumber(),
        timeUnit: r.timeUnit,
        actual: r.actual?.toNumber() ?? null,
        forecast: r.forecast?.toNumber() ?? null,
        orglensForecast: watched.some((id) => spend.has(id)) ? own.forecast : null,
        imported: imported.has(`${r.accountId}|${r.name}`),
      };
    }),
  });
}
