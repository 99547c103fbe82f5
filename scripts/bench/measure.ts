// Timing helpers for the benchmark: percentiles over repeated calls.
import { percentile } from "../../lib/domain/kpis/scopes";

export interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; milliseconds, rounded to 0.1. */
export async function timeRepeated(
  fn: () => Promise<unknown>,
  runs = 30,
  warmup = 3,
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    p50: round(percentile(samples, 50) ?? Number.NaN),
    p95: round(percentile(samples, 95) ?? Number.NaN),
    runs,
  };
}
