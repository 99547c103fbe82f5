import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/domain/access";
import { CATEGORIES, SEVERITIES } from "@/lib/domain/checks/types";
import { ORG_SCOPE } from "@/lib/domain/kpis/types";
import {
  KPI_META,
  KPI_ORDER,
  ZKpisResponse,
  type TKpisResponse,
  type TKpiSeries,
} from "@/lib/api/kpis";
import { findingsWhere } from "@/lib/server/findings/findings-where";
import { combineSamples, combineScopeValues, type TScopeValue } from "./combine-scope-values";

const DAY_MS = 86_400_000;
const ZCell = z.object({
  category: z.enum(CATEGORIES),
  severity: z.enum(SEVERITIES),
  count: z.coerce.number().int(),
});

/**
 * The KPI scopes that stand for the caller: "org" when unscoped, else each scope OU's subtree with
 * OUs nested under another scope OU dropped (their values are already inside the parent's).
 */
async function kpiScopes(db: Db, scope: Scope): Promise<{ ids: string[]; names: string[] } | null> {
  if (!scope.ouIds) return null;
  const ous = await db.orgUnit.findMany({
    where: { id: { in: scope.ouIds } },
    select: { id: true, name: true, pathIds: true, parentId: true },
  });
  if (ous.some((o) => o.parentId === null)) return null;
  const inScope = new Set(ous.map((o) => o.id));
  const top = ous
    .filter((o) => !o.pathIds.some((p) => p !== o.id && inScope.has(p)))
    .toSorted((a, b) => a.name.localeCompare(b.name));
  return { ids: top.map((o) => o.id), names: top.map((o) => o.name) };
}

export async function getKpis(
  db: Db,
  scope: Scope,
  months: number,
  now = new Date(),
): Promise<TKpisResponse> {
  const scoped = await kpiScopes(db, scope);
  const scopeIds = scoped ? scoped.ids : [ORG_SCOPE];
  const from = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate()),
  );
  const [rows, cells] = await Promise.all([
    scopeIds.length
      ? db.kpiSnapshot.findMany({
          where: { scopeId: { in: scopeIds }, kpiId: { in: [...KPI_ORDER] }, at: { gte: from } },
          select: {
            runId: true,
            at: true,
            kpiId: true,
            value: true,
            numerator: true,
            denominator: true,
          },
          orderBy: { at: "asc" },
        })
      : Promise.resolve([]),
    db.$queryRaw`SELECT f.category, f.severity, count(*) AS count FROM finding f WHERE ${findingsWhere({ status: "open" }, scope)} GROUP BY 1, 2`,
  ]);

  const byKpi = new Map<string, Map<string, { at: Date; values: TScopeValue[] }>>();
  for (const r of rows) {
    const runs = byKpi.get(r.kpiId) ?? new Map<string, { at: Date; values: TScopeValue[] }>();
    const run = runs.get(r.runId) ?? { at: r.at, values: [] };
    run.values.push({
      value: r.value?.toString() ?? null,
      numerator: r.numerator?.toString() ?? null,
      denominator: r.denominator?.toString() ?? null,
    });
    runs.set(r.runId, run);
    byKpi.set(r.kpiId, runs);
  }

  const series: TKpiSeries[] = [];
  for (const kpiId of KPI_ORDER) {
    const runs = byKpi.get(kpiId);
    if (!runs) continue;
    // A KPI only some scope OUs report (none are partial today) would mix scopes: require all of them.
    const complete = [...runs.values()].filter((r) => r.values.length === scopeIds.length);
    const points = complete.map((r) => ({
      at: r.at.toISOString(),
      value: combineScopeValues(r.values, KPI_META[kpiId].combine),
    }));
    const last = points.at(-1);
    const lastRun = complete.at(-1);
    if (!last || !lastRun) continue;
    const monthBefore = Date.parse(last.at) - 27 * DAY_MS;
    const earlier = points.slice(0, -1);
    const previous = earlier.findLast((p) => Date.parse(p.at) <= monthBefore) ?? earlier[0] ?? null;
    series.push({
      kpiId,
      points,
      latest: last.value,
      sample: KPI_META[kpiId].sample ? combineSamples(lastRun.values) : null,
      previous,
    });
  }

  return ZKpisResponse.parse({
    months,
    scope: scoped ? { kind: "ous", names: scoped.names } : { kind: "org", names: [] },
    series,
    findings: (() => {
      const parsed = z.array(ZCell).parse(cells);
      return { total: parsed.reduce((s, c) => s + c.count, 0), cells: parsed };
    })(),
  });
}
