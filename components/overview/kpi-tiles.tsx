"use client";

import { KpiSparkline } from "@/components/charts/kpi-sparkline";
import { isKpiId, KPI_META, type TKpiSeries } from "@/lib/api/kpis";
import { formatKpiSample } from "@/lib/format/kpi-sample";
import { formatKpiValue, kpiDelta, TREND_CLASS } from "./kpi-format";

const dayFmt = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  timeZone: "UTC",
});
const LINE = { better: "#059669", worse: "#dc2626", same: "#6366f1" } as const;
const ACCENT = {
  better: "border-l-emerald-500",
  worse: "border-l-red-500",
  same: "border-l-slate-300 dark:border-l-slate-700",
} as const;

/** Type sizes: the dashboard's, and a wall screen's that reads from across a room. */
const SIZE = {
  normal: {
    grid: "sm:grid-cols-2 xl:grid-cols-4",
    label: "text-sm",
    value: "text-2xl",
    delta: "text-xs",
  },
  wall: {
    grid: "sm:grid-cols-2 xl:grid-cols-4",
    label: "text-xl",
    value: "text-5xl",
    delta: "text-lg",
  },
} as const;

/** One tile per playbook KPI: the latest run's value and its sample size, its change since about a month before, and its trend. */
export function KpiTiles({
  series,
  size = "normal",
}: {
  series: TKpiSeries[];
  size?: keyof typeof SIZE;
}) {
  const type = SIZE[size];
  if (!series.length)
    return (
      <p className="py-8 text-center text-sm text-slate-500 dark:text-slate-400">
        No KPIs yet. They are computed with every collection run.
      </p>
    );
  return (
    <ul className={`grid gap-3 ${type.grid}`}>
      {series.map((s) => {
        if (!isKpiId(s.kpiId)) return null;
        const meta = KPI_META[s.kpiId];
        const delta = kpiDelta(s.latest, s.previous?.value ?? null, meta);
        const trend = delta?.trend ?? "same";
        const format = (v: number | null) => formatKpiValue(v, meta.unit);
        const sample = formatKpiSample(s.sample, meta.sample);
        return (
          <li
            key={s.kpiId}
            className={`rounded-xl border border-l-4 border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900 ${ACCENT[trend]}`}
            data-testid={`kpi-${s.kpiId}`}
          >
            <p className={`${type.label} text-slate-600 dark:text-slate-400`}>{meta.label}</p>
            <div className="mt-1 flex items-baseline justify-between gap-2">
              <span className="flex flex-wrap items-baseline gap-x-1.5">
                <span
                  className={`tabular ${type.value} font-semibold`}
                  data-testid={`kpi-value-${s.kpiId}`}
                >
                  {format(s.latest)}
                </span>
                {sample ? (
                  <span
                    className={`tabular ${type.delta} text-slate-500 dark:text-slate-400`}
                    data-testid={`kpi-sample-${s.kpiId}`}
                    title="What the value is computed over"
                  >
                    · {sample}
                  </span>
                ) : null}
              </span>
              {delta && s.previous ? (
                <span
                  className={`tabular ${type.delta} font-medium ${TREND_CLASS[delta.trend]}`}
                  data-testid={`kpi-delta-${s.kpiId}`}
                  title={`Change since ${dayFmt.format(Date.parse(s.previous.at))} (${meta.better === "up" ? "higher" : "lower"} is better)`}
                >
                  {delta.text}
                  <span className="sr-only">
                    {" "}
                    ({delta.trend === "same" ? "unchanged" : delta.trend})
                  </span>
                  <span className="font-normal text-slate-500 dark:text-slate-400">
                    {" "}
                    since {dayFmt.format(Date.parse(s.previous.at))}
                  </span>
                </span>
              ) : (
                <span className={`${type.delta} text-slate-500 dark:text-slate-400`}>
                  {s.latest === null ? "nothing to measure yet" : "first run"}
                </span>
              )}
            </div>
            <div data-testid={`kpi-trend-${s.kpiId}`} data-points={s.points.length}>
              <KpiSparkline
                data={s.points}
                label={meta.label}
                color={LINE[trend]}
                format={format}
              />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
