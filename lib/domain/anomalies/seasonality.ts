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

// Reused between calls (the detector is synchronous): the factor is valid until the next call.
let levelBuf = new Float64Array(128);
let factorBuf = new Float64Array(128);
let perDowBuf = new Float64Array(7 * 16);
let scratchBuf = new Float64Array(32);
const clamp = (v: number) => Math.min(50, Math.max(0.05, v));

/** Day of week (0 = Sunday) and day of month per day of a window, computed once per run. */
export interface Calendar {
  dow: Uint8Array;
  dom: Uint8Array;
}

export function estimateSeasonality(x: Float64Array, cal: Calendar, offset: number): Seasonality {
  const n = x.length;
  if (levelBuf.length < n) levelBuf = new Float64Array(2 * n);
  if (factorBuf.length < n) factorBuf = new Float64Array(2 * n);
  const level = levelBuf;
  slidingMedian(x, 7, level);
  const stride = Math.ceil(n / 7) + 1;
  if (perDowBuf.length < 7 * stride) perDowBuf = new Float64Array(14 * stride);
  const counts = [0, 0, 0, 0, 0, 0, 0];
  for (let t = 3; t + 3 < n; t++) {
    const l = level[t - 3] ?? 0;
    if (l <= 0) continue;
    const d = cal.dow[offset + t] ?? 0;
    perDowBuf[d * stride + (counts[d] ?? 0)] = (x[t] ?? 0) / l;
    counts[d] = (counts[d] ?? 0) + 1;
  }
  if (scratchBuf.length < stride) scratchBuf = new Float64Array(2 * stride);
  const weekday = counts.map((c, d) =>
    c >= 3 ? clamp(medianOf(perDowBuf, d * stride, d * stride + c, scratchBuf)) : 1,
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
  else if (firsts.length >= 3) monthStart = medianOf(firsts, 0, firsts.length, scratchBuf);
  // A weak first-of-month effect is noise, not a pattern.
  if (monthStart < 0.15) monthStart = 0;
  monthStart = Math.min(monthStart, 50);
  const factor = factorBuf.subarray(0, n);
  for (let t = 0; t < n; t++) {
    factor[t] =
      (weekday[cal.dow[offset + t] ?? 0] ?? 1) + (cal.dom[offset + t] === 1 ? monthStart : 0);
  }
  return { factor, weekday, monthStart };
}
