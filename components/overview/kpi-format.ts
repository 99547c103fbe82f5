// How a KPI value and its change read on a tile: units, and whether a change is good or bad news.
import type { TKpiMeta } from "@/lib/api/kpis";
import { formatKpiValue } from "@/lib/format/kpi-value";

const oneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

export { formatKpiValue };

export type TTrend = "better" | "worse" | "same";

export interface TKpiDelta {
  trend: TTrend;
  /** "▲ 2.5 pts", "▼ 3", "no change". */
  text: string;
}

export function kpiDelta(
  latest: number | null,
  previous: number | null,
  meta: TKpiMeta,
): TKpiDelta | null {
  if (latest === null || previous === null) return null;
  const diff = latest - previous;
  if (Math.abs(diff) < 1e-9) return { trend: "same", text: "no change" };
  const up = diff > 0;
  const trend: TTrend = up === (meta.better === "up") ? "better" : "worse";
  const size = Math.abs(diff);
  const amount =
    meta.unit === "pct" ? `${oneDecimal.format(size)} pts` : formatKpiValue(size, meta.unit);
  return { trend, text: `${up ? "▲" : "▼"} ${amount}` };
}

export const TREND_CLASS: Record<TTrend, string> = {
  better: "text-emerald-700 dark:text-emerald-400",
  worse: "text-red-700 dark:text-red-400",
  same: "text-slate-500 dark:text-slate-400",
};
