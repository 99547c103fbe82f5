// The growth curve (`--sizes`): each figure against the organization's size, and the exponent of a
// least-squares line through log(size), log(figure). 1 is linear; above GROWTH_LIMIT is flagged.
import type { BenchFigures } from "./report";

export const GROWTH_LIMIT = 1.15;

export interface GrowthPoint {
  accounts: number;
  value: number;
}

/** Slope of log(value) over log(accounts); null with fewer than two distinct sizes or a value ≤ 0. */
export function logLogExponent(points: readonly GrowthPoint[]): number | null {
  const usable = points.filter((p) => p.accounts > 0 && Number.isFinite(p.value));
  if (usable.some((p) => p.value <= 0)) return null;
  if (new Set(usable.map((p) => p.accounts)).size < 2) return null;
  const xs = usable.map((p) => Math.log(p.accounts));
  const ys = usable.map((p) => Math.log(p.value));
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const mx = mean(xs);
  const my = mean(ys);
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * ((ys[i] ?? my) - my);
    den += (x - mx) ** 2;
  });
  return Math.round((num / den) * 100) / 100;
}

export interface GrowthSeries {
  /** What is measured, with its unit. */
  name: string;
  points: GrowthPoint[];
  exponent: number | null;
  /** "linear or better", "faster than linear", or "not measured" (fewer than two sizes). */
  verdict: "ok" | "faster than linear" | "not measured";
}

export function growthSeries(name: string, points: readonly GrowthPoint[]): GrowthSeries {
  const exponent = logLogExponent(points);
  return {
    name,
    points: [...points],
    exponent,
    verdict:
      exponent === null ? "not measured" : exponent > GROWTH_LIMIT ? "faster than linear" : "ok",
  };
}

/** The curve of every size-dependent figure across the sizes of one `--sizes` run. */
export function growthOf(runs: readonly BenchFigures[]): GrowthSeries[] {
  const series = (name: string, pick: (f: BenchFigures) => number | undefined) =>
    growthSeries(
      name,
      runs.flatMap((f) => {
        const value = pick(f);
        return value === undefined ? [] : [{ accounts: f.organization.accounts, value }];
      }),
    );
  const exportCase = (f: BenchFigures, pattern: RegExp) =>
    f.export?.cases.find((c) => pattern.test(c.name));
  const showback = (f: BenchFigures, pattern: RegExp) =>
    f.showback?.find((c) => pattern.test(c.name))?.api.p95;
  return [
    series("Load time (s)", (f) => f.organization.loadSeconds),
    series("Showback by OU, 14 months, p95 (ms)", (f) => showback(f, /by OU/i)),
    series("Showback by account, 1 month, p95 (ms)", (f) => showback(f, /by account/i)),
    // Time, not rate: rows grow with accounts, so a linear export keeps its rate and its time grows linearly.
    series("Chargeback CSV export time (s)", (f) => exportCase(f, /chargeback/i)?.seconds),
    series("FOCUS CSV export time (s)", (f) => exportCase(f, /focus/i)?.seconds),
    series("FOCUS CSV export rate (rows/s)", (f) => exportCase(f, /focus/i)?.rowsPerSecond),
    series(
      "Collector peak heap, full backfill (MB)",
      (f) => f.collectorMemory?.find((c) => c.accounts === f.organization.accounts)?.peakHeapMb,
    ),
    series("Cost Explorer backfill rows held (heap MB)", (f) => f.costExplorer?.backfill.heapMb),
    series("Cached request, server time p50 (ms)", (f) => f.requestCost?.serverP50Ms),
  ];
}
