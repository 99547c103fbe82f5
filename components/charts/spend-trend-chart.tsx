"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney, formatMoneyCompact, formatMonth } from "@/lib/format/money";
import { shortMonthLabel, useNarrowChart, xAxisProps, yAxisProps } from "./axis";

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
    <div
      className="h-72 w-full"
      role="img"
      aria-label={`Monthly spend over the last ${data.length - 1} months and the current month to date`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid
            strokeDasharray="3 3"
            vertical={false}
            stroke="currentColor"
            strokeOpacity={0.15}
          />
          <XAxis
            dataKey="label"
            tickFormatter={(label: string, i: number) =>
              narrow ? (rows[i]?.short ?? label) : label
            }
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
      </ResponsiveContainer>
    </div>
  );
}
