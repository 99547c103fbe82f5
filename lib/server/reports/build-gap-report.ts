// The gap report's one model (page and Markdown render from it): per playbook area its status, KPI
// trends and open findings with owners and due dates, and the phased remediation plan. Scoped: a
// caller sees only their OUs, and `ou` must be one of them.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/domain/access";
import { checkDefinition, SEVERITIES, type TSeverity } from "@/lib/domain/checks";
import { AREA_LABEL, AREAS, checkPlaybook, KPI_AREA } from "@/lib/domain/report/playbook-areas";
import {
  areaStatus,
  comparePlanItems,
  PHASE_RULE,
  phaseOf,
  STATUS_RULE,
} from "@/lib/domain/report/remediation-plan";
import { isKpiId, KPI_META } from "@/lib/api/kpis";
import {
  ZGapReport,
  type TGapReport,
  type TGapReportQuery,
  type TPlanItem,
  type TReportKpi,
} from "@/lib/api/reports";
import { notFound } from "@/lib/errors";
import { findingsWhere, OVERDUE, statusCondition } from "@/lib/server/findings/findings-where";
import { queryFindingRows } from "@/lib/server/findings/query-finding-rows";
import { getKpis } from "@/lib/server/kpis/get-kpis";
import { ouScope } from "@/lib/server/scope";

/** Open findings listed per area; the counts always cover all of them. */
export const FINDINGS_PER_AREA = 100;
/** Runs shown in a KPI's trend. */
export const TREND_RUNS = 6;

const ZCountRow = z.object({
  check_id: z.string(),
  category: z.string(),
  severity: z.enum(SEVERITIES),
  open: z.number().int(),
  muted: z.number().int(),
  overdue: z.number().int(),
  unassigned: z.number().int(),
  owners: z.array(z.string()),
  first_due: z.date().nullable(),
});

const zeroCounts = (): Record<TSeverity, number> => ({
  critical: 0,
  high: 0,
  medium: 0,
  low: 0,
  info: 0,
});

async function resolveScope(
  db: Db,
  scope: Scope,
  ou: string | undefined,
): Promise<{ report: TGapReport["scope"]; kpiScope: Scope }> {
  if (ou) {
    const found = await db.orgUnit.findFirst({
      where: { id: ou, removedAt: null, ...ouScope(scope) },
      select: { id: true, path: true },
    });
    if (!found) throw notFound("No such OU.");
    return { report: { kind: "ou", ouId: found.id, name: found.path }, kpiScope: { ouIds: [ou] } };
  }
  if (!scope.ouIds)
    return { report: { kind: "org", ouId: null, name: "Whole organization" }, kpiScope: scope };
  const ous = await db.orgUnit.findMany({
    where: { id: { in: scope.ouIds } },
    select: { path: true },
    orderBy: { path: "asc" },
  });
  return {
    report: { kind: "scope", ouId: null, name: ous.map((o) => o.path).join(", ") },
    kpiScope: scope,
  };
}

function trendOf(points: TReportKpi["points"], better: "up" | "down"): TReportKpi["trend"] {
  const values = points.map((p) => p.value).filter((v) => v !== null);
  const first = values.at(0);
  const last = values.at(-1);
  if (first === undefined || last === undefined || values.length < 2) return "unknown";
  if (Math.abs(last - first) < 1e-9) return "steady";
  return last > first === (better === "up") ? "improving" : "worsening";
}

export async function buildGapReport(
  db: Db,
  scope: Scope,
  q: TGapReportQuery,
  now = new Date(),
): Promise<TGapReport> {
  const { report: reportScope, kpiScope } = await resolveScope(db, scope, q.ou);
  const filters = { status: "all" as const, ou: q.ou };
  const open = statusCondition("open");

  const [countsRaw, rows, kpis] = await Promise.all([
    db.$queryRaw`
      SELECT f.check_id, f.category, f.severity,
             count(*) FILTER (WHERE ${open})::int AS open,
             count(*) FILTER (WHERE ${statusCondition("muted")})::int AS muted,
             count(*) FILTER (WHERE ${OVERDUE})::int AS overdue,
             count(*) FILTER (WHERE ${open} AND f.owner IS NULL)::int AS unassigned,
             coalesce(array_agg(DISTINCT f.owner ORDER BY f.owner) FILTER (WHERE ${open} AND f.owner IS NOT NULL), '{}') AS owners,
             min(f.due_at) FILTER (WHERE ${open}) AS first_due
      FROM finding f WHERE ${findingsWhere(filters, scope)}
      GROUP BY 1, 2, 3`,
    queryFindingRows(db, findingsWhere({ status: "open", ou: q.ou }, scope), null, 5_000),
    getKpis(db, kpiScope, 12, now),
  ]);
  const counts = z.array(ZCountRow).parse(countsRaw);

  const areas = AREAS.map((area) => {
    const mine = counts.filter((c) => checkPlaybook(c.check_id, c.category).area === area);
    const openBySeverity = zeroCounts();
    for (const c of mine) openBySeverity[c.severity] += c.open;
    const sum = (k: "open" | "muted" | "overdue" | "unassigned") =>
      mine.reduce((s, c) => s + c[k], 0);
    const areaKpis: TReportKpi[] = kpis.series
      .filter((s) => isKpiId(s.kpiId) && KPI_AREA[s.kpiId] === area)
      .map((s) => {
        const meta = isKpiId(s.kpiId) ? KPI_META[s.kpiId] : null;
        const better = meta?.better ?? "up";
        const points = s.points.slice(-TREND_RUNS);
        return {
          kpiId: s.kpiId,
          label: meta?.label ?? s.kpiId,
          unit: meta?.unit ?? "count",
          better,
          points,
          latest: s.latest,
          trend: trendOf(points, better),
        };
      });
    return {
      area,
      label: AREA_LABEL[area],
      status: areaStatus(openBySeverity),
      open: openBySeverity,
      openTotal: sum("open"),
      muted: sum("muted"),
      overdue: sum("overdue"),
      unassigned: sum("unassigned"),
      kpis: areaKpis,
      findings: rows
        .map((r) => r.row)
        .filter((r) => checkPlaybook(r.checkId, r.category).area === area)
        .slice(0, FINDINGS_PER_AREA),
    };
  });

  const plan: TPlanItem[] = counts
    .filter((c) => c.open > 0)
    .map((c) => {
      const { area, effort } = checkPlaybook(c.check_id, c.category);
      const def = checkDefinition(c.check_id);
      return {
        phase: phaseOf(c.severity, effort),
        checkId: c.check_id,
        checkTitle: def?.title ?? c.check_id,
        area,
        severity: c.severity,
        effort,
        open: c.open,
        owners: c.owners,
        unassigned: c.unassigned,
        firstDue: c.first_due?.toISOString() ?? null,
        remediation: def?.remediation ?? null,
      };
    })
    .toSorted(comparePlanItems);

  const totals = zeroCounts();
  for (const a of areas) for (const s of SEVERITIES) totals[s] += a.open[s];
  return ZGapReport.parse({
    generatedAt: now.toISOString(),
    scope: reportScope,
    statusRule: STATUS_RULE,
    phaseRule: PHASE_RULE,
    totals: {
      open: totals,
      openTotal: areas.reduce((s, a) => s + a.openTotal, 0),
      muted: areas.reduce((s, a) => s + a.muted, 0),
      overdue: areas.reduce((s, a) => s + a.overdue, 0),
    },
    areas,
    plan,
  });
}
