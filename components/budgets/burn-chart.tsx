"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_MARGIN, ChartFrame, GRID_PROPS } from "@/components/charts/chart-frame";
import type { TBudgetView } from "@/lib/api/budgets";
import { formatMoney, formatMoneyCompact } from "@/lib/format/money";

const NAMES: Record<string, string> = {
  actual: "Actual (cumulative)",
  forecast: "Forecast",
  budget: "Budget",
};

export function BurnChart({ budget }: { budget: TBudgetView }) {
  return (
    <ChartFrame
      heightClass="h-56"
      label={`Cumulative spend of ${budget.name} by day of month against its budget and forecast`}
    >
      <LineChart data={budget.burn} margin={CHART_MARGIN}>
        <CartesianGrid {...GRID_PROPS} />
        <XAxis dataKey="day" tick={{ fontSize: 12, fill: "currentColor" }} tickLine={false} />
        <YAxis
          tickFormatter={formatMoneyCompact}
          tick={{ fontSize: 12, fill: "currentColor" }}
          tickLine={false}
          axisLine={false}
          width={64}
        />
        <Tooltip
          formatter={(v, name) => [formatMoney(Number(v)), NAMES[String(name)] ?? String(name)]}
          labelFormatter={(d) => `Day ${typeof d === "number" || typeof d === "string" ? d : ""}`}
          contentStyle={{ borderRadius: 8, fontSize: 12 }}
        />
        <Legend formatter={(name: string) => NAMES[name] ?? name} wrapperStyle={{ fontSize: 12 }} />
        <Line
          dataKey="actual"
          stroke="#6366f1"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
          connectNulls={false}
        />
        <Line
          dataKey="forecast"
          stroke="#f59e0b"
          strokeDasharray="5 4"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
          connectNulls={false}
        />
        <Line
          dataKey="budget"
          stroke="#dc2626"
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFrame>
  );
}
