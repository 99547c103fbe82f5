// The chart's series: the N groups with the largest totals, and everything else folded into "Other".
import { compareDecimals, sumDecimals } from "./decimal";

export const OTHER_KEY = "__other__";
export const OTHER_LABEL = "Other";

export interface TChartSeries {
  key: string;
  label: string;
}

export interface TChartData {
  series: TChartSeries[];
  /** One row per period: `period` plus one number per series key. */
  rows: Record<string, number | string>[];
}

export function chartData(
  periods: readonly string[],
  groups: readonly { key: string; label: string; values: readonly string[]; total: string }[],
  topN: number,
): TChartData {
  const ranked = [...groups].sort(
    (a, b) => compareDecimals(b.total, a.total) || a.key.localeCompare(b.key),
  );
  const top = ranked.slice(0, topN);
  const rest = ranked.slice(topN);
  const series: TChartSeries[] = top.map((g, i) => ({ key: `s${i}`, label: g.label }));
  if (rest.length)
    series.push({
      key: OTHER_KEY,
      label:
        rest.length === 1 ? (rest[0]?.label ?? OTHER_LABEL) : `${OTHER_LABEL} (${rest.length})`,
    });
  const rows = periods.map((period, p) => {
    const row: Record<string, number | string> = { period };
    top.forEach((g, i) => (row[`s${i}`] = Number(g.values[p] ?? "0")));
    if (rest.length) row[OTHER_KEY] = Number(sumDecimals(rest.map((g) => g.values[p] ?? "0")));
    return row;
  });
  return { series, rows };
}
