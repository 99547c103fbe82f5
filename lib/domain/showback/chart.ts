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

const negate = (v: string) => (v.startsWith("-") ? v.slice(1) : `-${v}`);

/**
 * `all`: when only some groups are loaded (a paged answer, largest first), every group's totals per
 * period and how many groups there are: "Other" is then the total less the top groups, not the sum
 * of the loaded rest.
 */
export function chartData(
  periods: readonly string[],
  groups: readonly { key: string; label: string; values: readonly string[]; total: string }[],
  topN: number,
  all?: { values: readonly string[]; count: number },
): TChartData {
  const ranked = [...groups].sort(
    (a, b) => compareDecimals(b.total, a.total) || a.key.localeCompare(b.key),
  );
  const top = ranked.slice(0, topN);
  const rest = ranked.slice(topN);
  const restCount = all ? Math.max(0, all.count - top.length) : rest.length;
  const series: TChartSeries[] = top.map((g, i) => ({ key: `s${i}`, label: g.label }));
  if (restCount)
    series.push({
      key: OTHER_KEY,
      label:
        restCount === 1 && rest.length === 1
          ? (rest[0]?.label ?? OTHER_LABEL)
          : `${OTHER_LABEL} (${restCount})`,
    });
  const rows = periods.map((period, p) => {
    const row: Record<string, number | string> = { period };
    top.forEach((g, i) => (row[`s${i}`] = Number(g.values[p] ?? "0")));
    if (restCount)
      row[OTHER_KEY] = Number(
        all
          ? sumDecimals([all.values[p] ?? "0", ...top.map((g) => negate(g.values[p] ?? "0"))])
          : sumDecimals(rest.map((g) => g.values[p] ?? "0")),
      );
    return row;
  });
  return { series, rows };
}
