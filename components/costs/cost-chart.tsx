"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import type { TCostGroup, TCostPeriod, TGranularity } from "@/lib/api/costs";
import { chartData, OTHER_KEY } from "@/lib/domain/showback/chart";
import { formatMoney, formatMoneyCompact } from "@/lib/format/money";
import { CHART_MARGIN, ChartFrame, GRID_PROPS } from "@/components/charts/chart-frame";
import { shortMonthLabel, useNarrowChart, xAxisProps, yAxisProps } from "@/components/charts/axis";
import { periodLabel } from "./period-label";

/** Distinct in light and dark mode; "Other" is always slate. */
const PALETTE = [
  "#6366f1",
  "#0ea5e9",
  "#10b981",
  "#f59e0b",
  "#ef4444",
  "#a855f7",
  "#14b8a6",
  "#f97316",
  "#ec4899",
  "#84cc16",
  "#3b82f6",
  "#eab308",
];
const OTHER_COLOR = "#94a3b8";

const colorOf = (key: string, i: number) =>
  key === OTHER_KEY ? OTHER_COLOR : (PALETTE[i % PALETTE.length] ?? OTHER_COLOR);

function TooltipBody({
  active,
  payload,
  label,
  names,
  estimatedLabels,
}: TooltipContentProps & {
  names: ReadonlyMap<string, string>;
  estimatedLabels: ReadonlySet<string>;
}) {
  if (!active || !payload?.length) return null;
  const items = payload.filter((p) => Number(p.value) !== 0).toReversed();
  const total = payload.reduce((sum, p) => sum + Number(p.value ?? 0), 0);
  return (
    <div className="max-w-xs rounded-lg border border-slate-200 bg-white p-2 text-xs shadow-lg dark:border-slate-700 dark:bg-slate-900">
      <p className="mb-1 font-medium">
        {String(label)}
        {estimatedLabels.has(String(label)) ? " (to date, estimated)" : ""} · {formatMoney(total)}
      </p>
      <ul className="space-y-0.5">
        {items.map((p) => (
          <li key={String(p.dataKey)} className="flex items-center justify-between gap-3">
            <span className="flex min-w-0 items-center gap-1.5">
              <span
                aria-hidden
                className="inline-block h-2 w-2 shrink-0 rounded-sm"
                style={{ background: p.color }}
              />
              <span className="truncate">{names.get(String(p.dataKey)) ?? String(p.dataKey)}</span>
            </span>
            <span className="tabular">{formatMoney(Number(p.value))}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface Props {
  periods: TCostPeriod[];
  groups: TCostGroup[];
  top: number;
  /** Every group's totals per period and the group count, when only a page of groups is loaded. */
  all?: { values: readonly string[]; count: number };
  granularity: TGranularity;
  metricLabel: string;
}

export function CostChart({ periods, groups, top, all, granularity, metricLabel }: Props) {
  const narrow = useNarrowChart();
  const { series, rows } = chartData(
    periods.map((p) => p.key),
    groups,
    top,
    all,
  );
  const estimated = new Set(periods.filter((p) => p.estimated).map((p) => p.key));
  const data = rows.map((r) => {
    const key = String(r.period);
    // Months carry the estimate mark on the axis; for days the table and the tooltip say it.
    return {
      ...r,
      label: periodLabel(key, granularity),
      short: granularity === "monthly" ? shortMonthLabel(key) : periodLabel(key, granularity),
      estimated: estimated.has(key),
    };
  });
  const names = new Map(series.map((s) => [s.key, s.label]));
  const estimatedLabels = new Set(data.filter((d) => d.estimated).map((d) => d.label));

  return (
    <div>
      <ChartFrame
        heightClass="h-80"
        label={`${metricLabel} spend per ${granularity === "monthly" ? "month" : "day"}, stacked by the ${series.length} largest groups`}
      >
        <BarChart data={data} margin={CHART_MARGIN}>
          <CartesianGrid {...GRID_PROPS} />
          <XAxis
            dataKey="label"
            tickFormatter={(label: string, i: number) => {
              const shown = narrow ? (data[i]?.short ?? label) : label;
              return granularity === "monthly" && data[i]?.estimated ? `${shown}*` : shown;
            }}
            {...xAxisProps(narrow)}
          />
          <YAxis tickFormatter={formatMoneyCompact} {...yAxisProps(narrow)} />
          <Tooltip
            content={(props) => (
              <TooltipBody {...props} names={names} estimatedLabels={estimatedLabels} />
            )}
            cursor={{ fill: "currentColor", fillOpacity: 0.06 }}
          />
          {series.map((s, i) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              stackId="spend"
              fill={colorOf(s.key, i)}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ChartFrame>
      <ul
        className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300"
        aria-label="Legend"
      >
        {series.map((s, i) => (
          <li key={s.key} className="flex max-w-[16rem] items-center gap-1.5">
            <span
              aria-hidden
              className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm"
              style={{ background: colorOf(s.key, i) }}
            />
            <span className="truncate" title={s.label}>
              {s.label}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
