// The gap report as a page designed for print: one section per playbook area (a new page each when
// printed), statuses in words and symbols so they read in black and white, and the phased plan.
import type { TGapArea, TGapReport, TReportKpi } from "@/lib/api/reports";
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
const TH = "border-b border-slate-300 px-2 py-1 text-left font-medium";
const TD = "border-b border-slate-200 px-2 py-1 align-top dark:border-slate-800";
const NUM = `${TD} tabular text-right`;
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "–");
const cap = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

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
        <table className="w-full text-sm">
          <caption className="text-left text-sm font-medium">
            KPIs (last runs, oldest first)
          </caption>
          <thead>
            <tr>
              <th scope="col" className={TH}>
                KPI
              </th>
              <th scope="col" className={`${TH} text-right`}>
                Latest
              </th>
              <th scope="col" className={TH}>
                Trend
              </th>
              <th scope="col" className={TH}>
                Last runs
              </th>
            </tr>
          </thead>
          <tbody>
            {a.kpis.map((k) => (
              <tr key={k.kpiId} data-kpi-id={k.kpiId}>
                <td className={TD}>{k.label}</td>
                <td className={NUM}>{formatKpiValue(k.latest, k.unit)}</td>
                <td className={TD}>{TREND_TEXT[k.trend]}</td>
                <td className={`${TD} tabular text-xs`}>
                  {k.points.map((p) => formatKpiValue(p.value, k.unit)).join(" → ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {a.findings.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No open findings in this area.</p>
      ) : (
        <table className="w-full text-sm">
          <caption className="text-left text-sm font-medium">
            Open findings, most severe first
            {a.openTotal > a.findings.length
              ? ` (the first ${a.findings.length} of ${a.openTotal})`
              : ""}
          </caption>
          <thead>
            <tr>
              <th scope="col" className={TH}>
                Severity
              </th>
              <th scope="col" className={TH}>
                Finding
              </th>
              <th scope="col" className={TH}>
                Account / OU
              </th>
              <th scope="col" className={TH}>
                Owner
              </th>
              <th scope="col" className={TH}>
                Due
              </th>
            </tr>
          </thead>
          <tbody>
            {a.findings.map((f) => (
              <tr key={f.id} data-report-finding-id={f.id}>
                <td className={TD}>{cap(f.severity)}</td>
                <td className={TD}>{f.title}</td>
                <td className={TD}>{f.accountName ?? f.accountId ?? f.ouName ?? "Organization"}</td>
                <td className={`${TD} break-all`}>
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
                </td>
                <td className={`${TD} tabular whitespace-nowrap`}>
                  {day(f.dueAt)}
                  {f.overdue ? <strong> overdue</strong> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
        <table className="w-full text-sm" data-testid="gap-summary">
          <caption className="sr-only">Status and open findings by severity, per area</caption>
          <thead>
            <tr>
              <th scope="col" className={TH}>
                Area
              </th>
              <th scope="col" className={TH}>
                Status
              </th>
              {SEVERITIES.map((s) => (
                <th key={s} scope="col" className={`${TH} text-right`}>
                  {cap(s)}
                </th>
              ))}
              <th scope="col" className={`${TH} text-right`}>
                Overdue
              </th>
              <th scope="col" className={`${TH} text-right`}>
                Muted
              </th>
            </tr>
          </thead>
          <tbody>
            {r.areas.map((a) => (
              <tr key={a.area} data-summary-area={a.area}>
                <th scope="row" className={`${TD} text-left font-medium`}>
                  {a.label}
                </th>
                <td className={TD}>
                  {STATUS_MARK[a.status]} {AREA_STATUS_LABEL[a.status]}
                </td>
                {SEVERITIES.map((s) => (
                  <td key={s} className={NUM} data-severity={s}>
                    {a.open[s]}
                  </td>
                ))}
                <td className={NUM} data-testid="summary-overdue">
                  {a.overdue}
                </td>
                <td className={NUM} data-testid="summary-muted">
                  {a.muted}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
                <table className="w-full text-sm">
                  <caption className="sr-only">{PHASE_LABEL[phase]}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className={`${TH} text-right`}>
                        #
                      </th>
                      <th scope="col" className={TH}>
                        Check
                      </th>
                      <th scope="col" className={TH}>
                        Area
                      </th>
                      <th scope="col" className={TH}>
                        Severity
                      </th>
                      <th scope="col" className={TH}>
                        Effort
                      </th>
                      <th scope="col" className={`${TH} text-right`}>
                        Open
                      </th>
                      <th scope="col" className={TH}>
                        Owners
                      </th>
                      <th scope="col" className={TH}>
                        First due
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((p, i) => (
                      <tr key={`${p.checkId}-${p.severity}`} data-plan-check={p.checkId}>
                        <td className={NUM}>{i + 1}</td>
                        <td className={TD}>{p.checkTitle}</td>
                        <td className={TD}>{p.area}</td>
                        <td className={TD}>{cap(p.severity)}</td>
                        <td className={TD}>{p.effort}</td>
                        <td className={NUM}>{p.open}</td>
                        <td className={`${TD} break-all`}>
                          {[
                            ...p.owners,
                            ...(p.unassigned ? [`${p.unassigned} unassigned`] : []),
                          ].join(", ")}
                        </td>
                        <td className={`${TD} tabular`}>{day(p.firstDue)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          );
        })}
      </section>
    </article>
  );
}
