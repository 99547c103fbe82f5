"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney, formatMoneyCompact, formatMonth } from "@/lib/format/money";
import { shortMonthLabel, useNarrowChart, xAxisProps, yAxisProps } from "./axis";
import { CHART_MARGIN, ChartFrame, GRID_PROPS } from "./chart-frame";

export interface SpendPoint {
  month: string;
  unblended: string;
  estimated: boolean;
}

export function SpendTrendChart({ data }: { data: SpendPoint[] }) {
  const narrow = useNarrowChart();
  const rows = data.map((d) => ({
    label: formatMonth(d.month),
    short: shortMonthLabel(d.month),
    value: Number(d.unblended),
    estimated: d.estimated,
  }));
  return (
    <ChartFrame
      heightClass="h-72"
      label={`Monthly spend over the last ${data.length - 1} months and the current month to date`}
    >
      <BarChart data={rows} margin={CHART_MARGIN}>
        <CartesianGrid {...GRID_PROPS} />
        <XAxis
          dataKey="label"
          tickFormatter={(label: string, i: number) => (narrow ? (rows[i]?.short ?? label) : label)}
          {...xAxisProps(narrow)}
        />
        <YAxis tickFormatter={formatMoneyCompact} {...yAxisProps(narrow)} />
        <Tooltip
          formatter={(v) => [formatMoney(Number(v)), "Unblended"]}
          contentStyle={{ borderRadius: 8, fontSize: 12 }}
          labelFormatter={(label) => {
            const row = rows.find((r) => r.label === label);
            return row?.estimated ? `${row.label} (month to date)` : (row?.label ?? "");
          }}
        />
        <Bar dataKey="value" fill="#6366f1" radius={[4, 4, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
