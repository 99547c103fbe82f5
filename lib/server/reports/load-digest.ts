// The digest of one period over one scope, from stored facts only: cost_daily (weekly) or cost_monthly
// (monthly) for spend and movers, KPI history, this month's budgets, findings and cost anomalies.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/domain/access";
import {
  kpiChange,
  spendTotals,
  topMovers,
  type TAmountPair,
  type TDigest,
} from "@/lib/domain/reports/digest";
import { daysOf, type TPeriod } from "@/lib/domain/reports/period";
import { Prisma } from "@/lib/generated/prisma/client";
import { ZFindingFilters } from "@/lib/api/findings";
import { KPI_META, isKpiId } from "@/lib/api/kpis";
import { getBudgets } from "@/lib/server/budgets/get-budgets";
import { findingsWhere } from "@/lib/server/findings/findings-where";
import { getKpis } from "@/lib/server/kpis/get-kpis";
import { accountScope, sqlAccountScope } from "@/lib/server/scope";

const ZPairRow = z.object({
  account_id: z.string(),
  service: z.string(),
  current: z.string(),
  previous: z.string(),
});
const ZDayRow = z.object({ day: z.string(), amount: z.string() });
const ZFindingRow = z.object({
  severity: z.string(),
  check_id: z.string(),
  title: z.string(),
  account_id: z.string().nullable(),
});

const ITEMS = 10;

async function spendRows(db: Db, scope: Scope, p: TPeriod) {
  const account = sqlAccountScope(Prisma.raw("account_id"), scope);
  const rows =
    p.cadence === "weekly"
      ? await db.$queryRaw`
          SELECT account_id, service,
            coalesce(sum(unblended) FILTER (WHERE day >= ${p.start}::date), 0)::text AS current,
            coalesce(sum(unblended) FILTER (WHERE day < ${p.start}::date), 0)::text AS previous
          FROM cost_daily WHERE day >= ${p.previousStart}::date AND day < ${p.end}::date ${account}
          GROUP BY 1, 2`
      : await db.$queryRaw`
          SELECT account_id, service,
            coalesce(sum(unblended) FILTER (WHERE month = ${p.start}::date), 0)::text AS current,
            coalesce(sum(unblended) FILTER (WHERE month = ${p.previousStart}::date), 0)::text AS previous
          FROM cost_monthly WHERE month >= ${p.previousStart}::date AND month < ${p.end}::date ${account}
          GROUP BY 1, 2`;
  return z.array(ZPairRow).parse(rows);
}

function pairsBy(
  rows: z.infer<typeof ZPairRow>[],
  keyOf: (r: z.infer<typeof ZPairRow>) => string,
  labelOf: (key: string) => string,
): TAmountPair[] {
  const out = new Map<string, TAmountPair>();
  for (const r of rows) {
    const key = keyOf(r);
    const pair = out.get(key) ?? { key, label: labelOf(key), current: 0, previous: 0 };
    pair.current += Number(r.current);
    pair.previous += Number(r.previous);
    out.set(key, pair);
  }
  return [...out.values()];
}

export async function loadDigest(
  db: Db,
  input: { reportName: string; scope: Scope; period: TPeriod },
  now = new Date(),
): Promise<TDigest> {
  const { scope, period: p } = input;
  const [accounts, ous, rows, rawDaily, kpis, budgets, rawFindings] = await Promise.all([
    db.account.findMany({ where: accountScope(scope), select: { id: true, name: true } }),
    scope.ouIds
      ? db.orgUnit.findMany({ where: { id: { in: scope.ouIds } }, select: { path: true } })
      : Promise.resolve([]),
    spendRows(db, scope, p),
    db.$queryRaw`
      SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(unblended)::text AS amount FROM cost_daily
      WHERE day >= ${p.start}::date AND day < ${p.end}::date ${sqlAccountScope(Prisma.raw("account_id"), scope)}
      GROUP BY 1`,
    getKpis(db, scope, 24, now),
    getBudgets(db, scope, now),
    db.$queryRaw`
      SELECT f.severity, f.check_id, f.title, f.account_id FROM finding f
      WHERE ${findingsWhere(ZFindingFilters.parse({}), scope)} AND f.severity IN ('critical', 'high')
        AND f.first_seen_at >= ${p.start}::date AND f.first_seen_at < ${p.end}::date
      ORDER BY CASE f.severity WHEN 'critical' THEN 0 ELSE 1 END, f.first_seen_at DESC, f.id`,
  ]);
  const names = new Map(accounts.map((a) => [a.id, a.name]));
  const openAnomalies = await db.costAnomaly.findMany({
    where: { status: "open", accountId: { in: [...names.keys()] } },
    orderBy: [{ impact: "desc" }, { id: "asc" }],
    select: { accountId: true, service: true, kind: true, firstDay: true, impact: true },
  });

  const accountPairs = pairsBy(
    rows,
    (r) => r.account_id,
    (id) => `${names.get(id) ?? "Account"} (${id})`,
  );
  const daily = new Map(
    z
      .array(ZDayRow)
      .parse(rawDaily)
      .map((d) => [d.day, Number(d.amount)]),
  );
  const findings = z.array(ZFindingRow).parse(rawFindings);
  return {
    reportName: input.reportName,
    scopeLabel: scope.ouIds
      ? ous
          .map((o) => o.path)
          .toSorted()
          .join(", ")
      : "Whole organization",
    period: p,
    spend: spendTotals(accountPairs),
    daily: daysOf(p.start, p.end).map((day) => ({ day, amount: daily.get(day) ?? 0 })),
    accounts: topMovers(accountPairs),
    services: topMovers(
      pairsBy(
        rows,
        (r) => r.service,
        (s) => s,
      ),
    ),
    kpis: kpis.series.flatMap((s) => {
      if (!isKpiId(s.kpiId)) return [];
      const meta = KPI_META[s.kpiId];
      const { label, unit, better } = meta;
      return [{ kpiId: s.kpiId, label, unit, better, ...kpiChange(s.points, p.start, p.end) }];
    }),
    budgetsAtRisk: budgets.budgets
      .filter((b) => b.forecast > b.monthlyAmount)
      .map((b) => ({
        name: b.name,
        scopeLabel: b.scopeLabel,
        monthlyAmount: b.monthlyAmount,
        forecast: Math.round(b.forecast * 100) / 100,
        monthToDate: Math.round(b.monthToDate * 100) / 100,
      })),
    findings: {
      total: findings.length,
      items: findings.slice(0, ITEMS).map((f) => ({
        severity: f.severity,
        checkId: f.check_id,
        title: f.title,
        accountId: f.account_id,
      })),
    },
    anomalies: {
      total: openAnomalies.length,
      impact: openAnomalies.reduce((s, a) => s + a.impact.toNumber(), 0),
      items: openAnomalies.slice(0, ITEMS).map((a) => ({
        accountId: a.accountId,
        service: a.service,
        kind: a.kind,
        firstDay: a.firstDay.toISOString().slice(0, 10),
        impact: a.impact.toNumber(),
      })),
    },
  };
}
