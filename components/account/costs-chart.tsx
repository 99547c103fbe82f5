"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { TAccountCosts } from "@/lib/api/accounts";
import { CHART_MARGIN, ChartFrame, GRID_PROPS } from "@/components/charts/chart-frame";
import { shortMonthLabel, useNarrowChart, xAxisProps, yAxisProps } from "@/components/charts/axis";
import { formatMoney, formatMoneyCompact, formatMonth } from "@/lib/format/money";

const PALETTE = [
  "#6366f1",
  "#0ea5e9",
  "#10b981",
  "#f59e0b",
  "#ef4444",
  "#8b5cf6",
  "#14b8a6",
  "#ec4899",
  "#94a3b8",
];
const CHART_SERVICES = 8;

/** Monthly spend stacked by service: the largest services, the rest as "Other". */
export function CostsChart({ costs }: { costs: TAccountCosts }) {
  const narrow = useNarrowChart();
  const top = costs.services.slice(0, CHART_SERVICES);
  const rest = costs.services.slice(CHART_SERVICES);
  const keys = [...top.map((s) => s.service), ...(rest.length ? ["Other"] : [])];
  const rows = costs.months.map((m, i) => {
    const row: Record<string, string | number> = {
      label: `${narrow ? shortMonthLabel(m.month) : formatMonth(m.month)}${m.estimated ? "*" : ""}`,
    };
    for (const s of top) row[s.service] = Number(s.byMonth[i] ?? 0);
    if (rest.length) row.Other = rest.reduce((sum, s) => sum + Number(s.byMonth[i] ?? 0), 0);
    return row;
  });
  return (
    <ChartFrame
      heightClass="h-80"
      label={`Monthly spend by service, ${formatMonth(costs.months[0]?.month ?? "")} to ${formatMonth(costs.months.at(-1)?.month ?? "")}`}
    >
      <BarChart data={rows} margin={CHART_MARGIN}>
        <CartesianGrid {...GRID_PROPS} />
        <XAxis
          dataKey="label"
          {...xAxisProps(narrow)}
          tick={{ fontSize: 11, fill: "currentColor" }}
        />
        <YAxis tickFormatter={formatMoneyCompact} {...yAxisProps(narrow)} />
        <Tooltip
          formatter={(v, name) => [formatMoney(Number(v)), name]}
          // Series colours as text are too faint on the white tooltip; the swatch order is the legend's.
          itemStyle={{ color: "#0f172a" }}
          cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
          contentStyle={{ borderRadius: 8, fontSize: 12, color: "#0f172a" }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {keys.map((k, i) => (
          <Bar
            key={k}
            dataKey={k}
            stackId="spend"
            fill={PALETTE[i % PALETTE.length]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
