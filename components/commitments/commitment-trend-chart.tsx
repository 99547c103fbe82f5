"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_MARGIN, ChartFrame, GRID_PROPS } from "@/components/charts/chart-frame";
import type { TCommitmentMonthView } from "@/lib/api/commitments";
import { formatMonth } from "@/lib/format/money";

const SERIES = [
  { key: "spCoverage", name: "Savings Plans coverage", color: "#6366f1", dash: undefined },
  { key: "riCoverage", name: "RI coverage (hours)", color: "#0ea5e9", dash: undefined },
  { key: "spUtilization", name: "Savings Plans utilization", color: "#059669", dash: "5 4" },
  { key: "riUtilization", name: "RI utilization", color: "#f59e0b", dash: "5 4" },
] as const;

type Point = { month: string } & Partial<Record<(typeof SERIES)[number]["key"], number | null>>;

const num = (v: string | null | undefined) => (v == null ? null : Number(v));

export function toTrend(months: readonly TCommitmentMonthView[]): Point[] {
  const byMonth = new Map<string, Point>();
  for (const m of months) {
    const p = byMonth.get(m.month) ?? { month: m.month };
    if (m.kind === "savings_plan") {
      p.spCoverage = num(m.coveragePct);
      p.spUtilization = num(m.utilizationPct);
    } else {
      p.riCoverage = num(m.coveragePct);
      p.riUtilization = num(m.utilizationPct);
    }
    byMonth.set(m.month, p);
  }
  return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
}

export function CommitmentTrendChart({ months }: { months: readonly TCommitmentMonthView[] }) {
  return (
    <ChartFrame
      heightClass="h-64"
      label="Savings Plans and Reserved Instances coverage and utilization in percent, by month"
    >
      <LineChart data={toTrend(months)} margin={CHART_MARGIN}>
        <CartesianGrid {...GRID_PROPS} />
        <XAxis
          dataKey="month"
          tickFormatter={(m: string) => formatMonth(m)}
          tick={{ fontSize: 12, fill: "currentColor" }}
          tickLine={false}
        />
        <YAxis
          domain={[0, 100]}
          tickFormatter={(v: number) => `${v}%`}
          tick={{ fontSize: 12, fill: "currentColor" }}
          tickLine={false}
          axisLine={false}
          width={48}
        />
        <Tooltip
          formatter={(v, name) => [
            typeof v === "number" ? `${v.toFixed(1)}%` : "–",
            SERIES.find((s) => s.key === name)?.name ?? String(name),
          ]}
          labelFormatter={(m) => (typeof m === "string" ? formatMonth(m) : "")}
          contentStyle={{ borderRadius: 8, fontSize: 12 }}
        />
        <Legend
          formatter={(key: string) => SERIES.find((s) => s.key === key)?.name ?? key}
          wrapperStyle={{ fontSize: 12 }}
        />
        {SERIES.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            stroke={s.color}
            strokeDasharray={s.dash}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
        ))}
      </LineChart>
    </ChartFrame>
  );
}
