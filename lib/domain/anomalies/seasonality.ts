// Multiplicative seasonal factors of one daily series: day of week and the first of the month
// (monthly fees, reservations and support charges land on the 1st). Each factor is the median of
// the day's ratio to a centred 7-day median, so spikes and level shifts barely move it.
import { medianOf, slidingMedian } from "./robust";

export interface Seasonality {
  /** Factor per day (weekday factor, plus the month-start excess on the 1st); the series divided by it is seasonally adjusted. */
  factor: Float64Array;
  weekday: number[];
  /** Charge on the 1st above the day's usage, in units of the level (0: none). */
  monthStart: number;
}

const clamp = (v: number) => Math.min(50, Math.max(0.05, v));

/** Day of week (0 = Sunday) and day of month per day of a window, computed once per run. */
export interface Calendar {
  dow: Uint8Array;
  dom: Uint8Array;
}

export function estimateSeasonality(x: Float64Array, cal: Calendar, offset: number): Seasonality {
  const n = x.length;
  const level = new Float64Array(Math.max(0, n - 6));
  slidingMedian(x, 7, level);
  const perDow = Array.from({ length: 7 }, () => new Float64Array(Math.ceil(n / 7) + 1));
  const counts = new Array<number>(7).fill(0);
  for (let t = 3; t + 3 < n; t++) {
    const l = level[t - 3] ?? 0;
    if (l <= 0) continue;
    const d = cal.dow[offset + t] ?? 0;
    const bucket = perDow[d];
    if (!bucket) continue;
    bucket[counts[d] ?? 0] = (x[t] ?? 0) / l;
    counts[d] = (counts[d] ?? 0) + 1;
  }
  const scratch = new Float64Array(Math.ceil(n / 7) + 1);
  const weekday = perDow.map((bucket, d) =>
    (counts[d] ?? 0) >= 3 ? clamp(medianOf(bucket, 0, counts[d] ?? 0, scratch)) : 1,
  );
  // The 1st of the month, against the level and weekday: at least two months to learn from.
  // Against the 7 days before it, so a shift starting on the 2nd does not look like a month start.
  const firsts: number[] = [];
  for (let t = 7; t < n; t++) {
    const l = level[t - 7] ?? 0;
    if (l > 0 && cal.dom[offset + t] === 1)
      firsts.push((x[t] ?? 0) / l - (weekday[cal.dow[offset + t] ?? 0] ?? 1));
  }
  // Monthly charges are a fixed amount on top of the day's usage: an excess in units of the level.
  let monthStart = 0;
  if (firsts.length === 2) monthStart = Math.min(firsts[0] ?? 0, firsts[1] ?? 0);
  else if (firsts.length >= 3)
    monthStart = medianOf(firsts, 0, firsts.length, new Float64Array(firsts.length));
  // A weak first-of-month effect is noise, not a pattern.
  if (monthStart < 0.15) monthStart = 0;
  monthStart = Math.min(monthStart, 50);
  const factor = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    factor[t] =
      (weekday[cal.dow[offset + t] ?? 0] ?? 1) + (cal.dom[offset + t] === 1 ? monthStart : 0);
  }
  return { factor, weekday, monthStart };
}
