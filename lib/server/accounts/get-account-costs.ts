import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { TAccountCosts } from "@/lib/api/accounts";
import { addMonths, monthOf, monthRange } from "@/lib/domain/months";
import type { Scope } from "@/lib/domain/access";
import { accountScope } from "@/lib/server/scope";

const ZRow = z.object({
  month: z.string().nullable(),
  service: z.string().nullable(),
  total: z.string(),
  estimated: z.boolean(),
});

/**
 * Unblended spend of one account by service and month, the last `months` months up to the current
 * one (month to date); null when the account is unknown or outside the scope.
 */
export async function getAccountCosts(
  db: Db,
  scope: Scope,
  id: string,
  months: number,
  now = new Date(),
): Promise<TAccountCosts | null> {
  const visible = await db.account.count({ where: { id, ...accountScope(scope) } });
  if (!visible) return null;
  const to = monthOf(now);
  const from = addMonths(to, -(months - 1));
  // Totals by month, by service and overall come from the same rows in the same statement, so they add up.
  const rows = z.array(ZRow).parse(
    await db.$queryRaw`
      SELECT to_char(month, 'YYYY-MM-DD') AS month, service, trim_scale(sum(unblended))::text AS total, bool_or(estimated) AS estimated
      FROM cost_monthly
      WHERE account_id = ${id} AND month BETWEEN ${from}::date AND ${to}::date
      GROUP BY GROUPING SETS ((month, service), (month), (service), ())`,
  );

  const list = monthRange(from, to);
  const index = new Map(list.map((m, i) => [m, i]));
  const monthTotals = new Map<string, { total: string; estimated: boolean }>();
  const services = new Map<string, { service: string; total: string; byMonth: string[] }>();
  const serviceEntry = (service: string) => {
    const known = services.get(service);
    if (known) return known;
    const fresh = { service, total: "0", byMonth: list.map(() => "0") };
    services.set(service, fresh);
    return fresh;
  };
  let total = "0";
  for (const r of rows) {
    if (r.month !== null && r.service !== null) {
      const i = index.get(r.month);
      if (i !== undefined) serviceEntry(r.service).byMonth[i] = r.total;
    } else if (r.month !== null)
      monthTotals.set(r.month, { total: r.total, estimated: r.estimated });
    else if (r.service !== null) serviceEntry(r.service).total = r.total;
    else total = r.total;
  }
  return {
    months: list.map((month) => ({
      month,
      total: monthTotals.get(month)?.total ?? "0",
      estimated: month === to || (monthTotals.get(month)?.estimated ?? false),
    })),
    services: [...services.values()].sort(
      (a, b) => Number(b.total) - Number(a.total) || a.service.localeCompare(b.service),
    ),
    total,
  };
}
