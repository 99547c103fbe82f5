"use client";

import { Area, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_MARGIN, ChartFrame, GRID_PROPS } from "@/components/charts/chart-frame";
import type { TAnomalyDetail } from "@/lib/api/anomalies";
import { formatMoney, formatMoneyCompact } from "@/lib/format/money";

const NAMES: Record<string, string> = {
  actual: "Daily spend",
  expected: "Expected",
  band: "Expected range",
};

/** The series with the detector's expected range as a shaded band (lower → upper). */
export function AnomalyChart({ detail }: { detail: TAnomalyDetail }) {
  const { anomaly } = detail;
  const data = detail.series.map((p) => ({
    day: p.day,
    actual: p.actual,
    expected: p.expected,
    band: p.lower !== null && p.upper !== null ? [p.lower, p.upper] : null,
  }));
  return (
    <ChartFrame
      heightClass="h-64"
      label={`Daily spend of ${anomaly.service} in account ${anomaly.accountName ?? anomaly.accountId} against its expected range, ${detail.series[0]?.day ?? ""} to ${anomaly.lastDay}`}
    >
      <ComposedChart data={data} margin={CHART_MARGIN}>
        <CartesianGrid {...GRID_PROPS} />
        <XAxis
          dataKey="day"
          tick={{ fontSize: 12, fill: "currentColor" }}
          tickLine={false}
          minTickGap={24}
        />
        <YAxis
          tickFormatter={formatMoneyCompact}
          tick={{ fontSize: 12, fill: "currentColor" }}
          tickLine={false}
          axisLine={false}
          width={64}
        />
        <Tooltip
          formatter={(v, name) => [
            Array.isArray(v)
              ? `${formatMoney(Number(v[0]))} – ${formatMoney(Number(v[1]))}`
              : formatMoney(Number(v)),
            NAMES[String(name)] ?? String(name),
          ]}
          contentStyle={{ borderRadius: 8, fontSize: 12 }}
        />
        <Legend formatter={(name: string) => NAMES[name] ?? name} wrapperStyle={{ fontSize: 12 }} />
        <Area
          dataKey="band"
          stroke="none"
          fill="#94a3b8"
          fillOpacity={0.3}
          isAnimationActive={false}
          connectNulls={false}
        />
        <Line
          dataKey="expected"
          stroke="#64748b"
          strokeDasharray="4 3"
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={false}
          connectNulls={false}
        />
        <Line
          dataKey="actual"
          stroke="#6366f1"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ChartFrame>
  );
}
