"use client";

import { Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface KpiPoint {
  at: string;
  value: number | null;
}

const dayFmt = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});

/** A small trend line, one dot per collection run; `format` renders the values in the tooltip. */
export function KpiSparkline({
  data,
  label,
  color,
  format,
}: {
  data: KpiPoint[];
  label: string;
  color: string;
  format: (v: number | null) => string;
}) {
  const rows = data.map((d) => ({ t: Date.parse(d.at), value: d.value }));
  return (
    <div
      className="h-16 w-full"
      role="img"
      aria-label={`${label}: trend over ${data.length} collection runs`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 4, right: 4, bottom: 4, left: 4 }}>
          <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} hide />
          <YAxis hide domain={["auto", "auto"]} />
          <Tooltip
            formatter={(v) => [format(typeof v === "number" ? v : null), label]}
            labelFormatter={(t) => (typeof t === "number" ? dayFmt.format(t) : "")}
            contentStyle={{ borderRadius: 8, fontSize: 12 }}
          />
          <Line
            type="monotone"
            dataKey="value"
            stroke={color}
            strokeWidth={2}
            dot={{ r: 2.5, fill: color }}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
