"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { TBudgetView } from "@/lib/api/budgets";
import { formatMoney, formatMoneyCompact } from "@/lib/format/money";

const NAMES: Record<string, string> = {
  actual: "Actual (cumulative)",
  forecast: "Forecast",
  budget: "Budget",
};

export function BurnChart({ budget }: { budget: TBudgetView }) {
  return (
    <div
      className="h-56 w-full"
      role="img"
      aria-label={`Cumulative spend of ${budget.name} by day of month against its budget and forecast`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={budget.burn} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid
            strokeDasharray="3 3"
            vertical={false}
            stroke="currentColor"
            strokeOpacity={0.15}
          />
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
          <Legend
            formatter={(name: string) => NAMES[name] ?? name}
            wrapperStyle={{ fontSize: 12 }}
          />
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
      </ResponsiveContainer>
    </div>
  );
}
