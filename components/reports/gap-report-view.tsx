// The gap report as a page designed for print: one section per playbook area (a new page each when
// printed), statuses in words and symbols so they read in black and white, and the phased plan.
// Its tables keep the report's order (most severe first, the plan's sequence): no column sorts.
"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/tables/data-table";
import type { TGapArea, TGapReport, TReportKpi } from "@/lib/api/reports";
import type { TSeverity } from "@/lib/domain/checks/types";
import { SEVERITIES } from "@/lib/domain/checks/types";
import { EFFORT_LABEL } from "@/lib/domain/report/playbook-areas";
import {
  AREA_STATUS_LABEL,
  PHASE_LABEL,
  PHASES,
  type TAreaStatus,
} from "@/lib/domain/report/remediation-plan";
import { formatKpiValue } from "@/lib/format/kpi-value";

const STATUS_MARK: Record<TAreaStatus, string> = { met: "✔", partly: "◐", "not-met": "✖" };
const STATUS_CLASS: Record<TAreaStatus, string> = {
  met: "border-emerald-700 text-emerald-800 dark:text-emerald-300",
  partly: "border-amber-700 text-amber-800 dark:text-amber-300",
  "not-met": "border-red-700 text-red-800 dark:text-red-300",
};
const TREND_TEXT: Record<TReportKpi["trend"], string> = {
  improving: "▲ improving",
  worsening: "▼ worsening",
  steady: "= steady",
  unknown: "not enough runs",
};
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "–");
const cap = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

type Kpi = TGapArea["kpis"][number];
type Finding = TGapArea["findings"][number];
type PlanItem = TGapReport["plan"][number] & { step: number };

const WRAP = { cellClassName: "" };
const NUM = { align: "right" } as const;

const SUMMARY_COLUMNS: ColumnDef<TGapArea>[] = [
  {
    id: "area",
    header: "Area",
    meta: { cellClassName: "font-medium" },
    cell: (c) => c.row.original.label,
  },
  {
    id: "status",
    header: "Status",
    cell: ({ row: { original: a } }) => `${STATUS_MARK[a.status]} ${AREA_STATUS_LABEL[a.status]}`,
  },
  ...SEVERITIES.map((s: TSeverity): ColumnDef<TGapArea> => ({
    id: s,
    header: cap(s),
    meta: { ...NUM, cellAttributes: { "data-severity": s } },
    cell: ({ row }) => row.original.open[s],
  })),
  {
    id: "overdue",
    header: "Overdue",
    meta: { ...NUM, cellAttributes: { "data-testid": "summary-overdue" } },
    cell: ({ row }) => row.original.overdue,
  },
  {
    id: "muted",
    header: "Muted",
    meta: { ...NUM, cellAttributes: { "data-testid": "summary-muted" } },
    cell: ({ row }) => row.original.muted,
  },
];

const KPI_COLUMNS: ColumnDef<Kpi>[] = [
  { id: "kpi", header: "KPI", meta: WRAP, cell: ({ row }) => row.original.label },
  {
    id: "latest",
    header: "Latest",
    meta: NUM,
    cell: ({ row: { original: k } }) => formatKpiValue(k.latest, k.unit),
  },
  { id: "trend", header: "Trend", cell: ({ row }) => TREND_TEXT[row.original.trend] },
  {
    id: "points",
    header: "Last runs",
    meta: { cellClassName: "text-xs" },
    cell: ({ row: { original: k } }) =>
      k.points.map((p) => formatKpiValue(p.value, k.unit)).join(" → "),
  },
];

const FINDING_COLUMNS: ColumnDef<Finding>[] = [
  { id: "severity", header: "Severity", cell: ({ row }) => cap(row.original.severity) },
  { id: "title", header: "Finding", meta: WRAP, cell: ({ row }) => row.original.title },
  {
    id: "where",
    header: "Account / OU",
    meta: WRAP,
    cell: ({ row: { original: f } }) => f.accountName ?? f.accountId ?? f.ouName ?? "Organization",
  },
  {
    id: "owner",
    header: "Owner",
    meta: { cellClassName: "break-all" },
    cell: ({ row: { original: f } }) => (
      <>
        {f.owner ?? "unassigned"}
        {f.ticketUrl ? (
          <>
            {" "}
            <a
              href={f.ticketUrl}
              target="_blank"
              rel="noopener noreferrer"
              className="text-indigo-700 underline dark:text-indigo-300"
            >
              ticket
            </a>
          </>
        ) : null}
      </>
    ),
  },
  {
    id: "due",
    header: "Due",
    cell: ({ row: { original: f } }) => (
      <>
        {day(f.dueAt)}
        {f.overdue ? <strong> overdue</strong> : null}
      </>
    ),
  },
];

const PLAN_COLUMNS: ColumnDef<PlanItem>[] = [
  { id: "step", header: "#", meta: NUM, cell: ({ row }) => row.original.step },
  { id: "check", header: "Check", meta: WRAP, cell: ({ row }) => row.original.checkTitle },
  { id: "area", header: "Area", cell: ({ row }) => row.original.area },
  { id: "severity", header: "Severity", cell: ({ row }) => cap(row.original.severity) },
  { id: "effort", header: "Effort", cell: ({ row }) => row.original.effort },
  { id: "open", header: "Open", meta: NUM, cell: ({ row }) => row.original.open },
  {
    id: "owners",
    header: "Owners",
    meta: { cellClassName: "break-all" },
    cell: ({ row: { original: p } }) =>
      [...p.owners, ...(p.unassigned ? [`${p.unassigned} unassigned`] : [])].join(", "),
  },
  { id: "firstDue", header: "First due", cell: ({ row }) => day(row.original.firstDue) },
];

function Status({ status }: { status: TAreaStatus }) {
  return (
    <span
      className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold ${STATUS_CLASS[status]}`}
      data-testid="area-status"
    >
      {STATUS_MARK[status]} {AREA_STATUS_LABEL[status]}
    </span>
  );
}

function AreaSection({ a }: { a: TGapArea }) {
  return (
    <section
      aria-labelledby={`area-${a.area}`}
      data-area={a.area}
      className="space-y-3 print:break-before-page"
    >
      <h2 id={`area-${a.area}`} className="flex flex-wrap items-center gap-3 text-xl font-semibold">
        {a.label} <Status status={a.status} />
      </h2>
      <p className="text-sm">
        {a.openTotal} open {a.openTotal === 1 ? "finding" : "findings"} (
        {SEVERITIES.map((s) => `${s} ${a.open[s]}`).join(", ")}); {a.unassigned} unassigned;{" "}
        {a.overdue} overdue; {a.muted} muted (accepted, not counted).
      </p>
      {a.kpis.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No KPI measures this area.</p>
      ) : (
        <div className="space-y-1">
          <h3 className="text-sm font-medium">KPIs (last runs, oldest first)</h3>
          <DataTable
            data={a.kpis}
            columns={KPI_COLUMNS}
            caption={`${a.label}: KPIs`}
            getRowId={(k) => k.kpiId}
            rowIdAttribute="data-kpi-id"
            align="top"
          />
        </div>
      )}
      {a.findings.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No open findings in this area.</p>
      ) : (
        <div className="space-y-1">
          <h3 className="text-sm font-medium">
            Open findings, most severe first
            {a.openTotal > a.findings.length
              ? ` (the first ${a.findings.length} of ${a.openTotal})`
              : ""}
          </h3>
          <DataTable
            data={a.findings}
            columns={FINDING_COLUMNS}
            caption={`${a.label}: open findings`}
            getRowId={(f) => f.id}
            rowIdAttribute="data-report-finding-id"
            align="top"
          />
        </div>
      )}
    </section>
  );
}

export function GapReportView({ report: r }: { report: TGapReport }) {
  return (
    <article className="space-y-8 print:space-y-4" data-testid="gap-report">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">
          Governance gap report: <span data-testid="gap-scope">{r.scope.name}</span>
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Generated {r.generatedAt.slice(0, 16).replace("T", " ")} UTC. Open findings:{" "}
          <strong data-testid="gap-total-open">{r.totals.openTotal}</strong>; overdue{" "}
          {r.totals.overdue}; muted (accepted, not counted) {r.totals.muted}.
        </p>
        <p className="text-sm">
          <strong>Status rule.</strong> {r.statusRule}
        </p>
      </div>

      <section aria-labelledby="gap-summary" className="space-y-2">
        <h2 id="gap-summary" className="text-xl font-semibold">
          Summary by playbook area
        </h2>
        <DataTable
          data={r.areas}
          columns={SUMMARY_COLUMNS}
          caption="Status and open findings by severity, per area"
          getRowId={(a) => a.area}
          rowIdAttribute="data-summary-area"
          testId="gap-summary"
        />
      </section>

      {r.areas.map((a) => (
        <AreaSection key={a.area} a={a} />
      ))}

      <section aria-labelledby="gap-plan" className="space-y-3 print:break-before-page">
        <h2 id="gap-plan" className="text-xl font-semibold">
          Remediation plan
        </h2>
        <p className="text-sm">
          <strong>Phasing rule.</strong> {r.phaseRule}
        </p>
        <p className="text-sm">
          Effort: S = {EFFORT_LABEL.S}; M = {EFFORT_LABEL.M}; L = {EFFORT_LABEL.L}.
        </p>
        {PHASES.map((phase) => {
          const items = r.plan.filter((p) => p.phase === phase);
          return (
            <div key={phase} className="space-y-1" data-phase={phase}>
              <h3 className="text-base font-semibold">{PHASE_LABEL[phase]}</h3>
              {items.length === 0 ? (
                <p className="text-sm text-slate-600 dark:text-slate-400">Nothing in this phase.</p>
              ) : (
                <DataTable
                  data={items.map((p, i) => ({ ...p, step: i + 1 }))}
                  columns={PLAN_COLUMNS}
                  caption={PHASE_LABEL[phase]}
                  getRowId={(p) => `${p.checkId}-${p.severity}`}
                  rowIdAttribute="data-plan-key"
                  rowAttributes={(p) => ({ "data-plan-check": p.checkId })}
                  align="top"
                />
              )}
            </div>
          );
        })}
      </section>
    </article>
  );
}
