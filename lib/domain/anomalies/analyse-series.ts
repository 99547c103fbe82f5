// One account × service series: seasonal adjustment, robust noise scale, level-shift segmentation,
// then spikes against a trailing median within the segment and a drift test on the last segment.
// Indexes are days from the series' start. docs/anomalies.md explains each step and its thresholds.
import { medianOf, medianOfList, slidingMedian } from "./robust";
import { estimateSeasonality, type Calendar } from "./seasonality";
import type { AnomalyKind, DetectorOptions } from "./types";

export interface RawAnomaly {
  kind: AnomalyKind;
  first: number;
  last: number;
  expected: number;
  actual: number;
  upperBound: number;
  score: number;
}

export interface SeriesModel {
  /** Index of the first day with spend; days before it are not modelled. */
  offset: number;
  factor: Float64Array;
  /** Trailing median of the adjusted series within the segment (NaN where too little history). */
  baseline: Float64Array;
  /** Robust standard deviation of the baseline's error per day (adjusted units; NaN likewise). */
  spread: Float64Array;
}

const SPIKE_WINDOW = 14;
const MIN_BASELINE_DAYS = 5;
const DRIFT_BLOCK = 14;
/** Standard error of a median of Gaussian noise is ~1.2533 σ/√n. */
const MEDIAN_SE = 1.2533;

// Working arrays reused from one series to the next (the detector is synchronous).
type Pool = Record<"full" | "y" | "diffs" | "m7" | "m14" | "baseline" | "spread", Float64Array>;
let pool: Pool | null = null;
function buffers(n: number) {
  if (!pool || pool.full.length < n) {
    const size = Math.max(128, 2 * n);
    pool = {
      full: new Float64Array(size),
      y: new Float64Array(size),
      diffs: new Float64Array(size),
      m7: new Float64Array(size),
      m14: new Float64Array(size),
      baseline: new Float64Array(size),
      spread: new Float64Array(size),
    };
  }
  return pool;
}

export function analyseSeries(
  values: ArrayLike<number>,
  cal: Calendar,
  opts: DetectorOptions,
  withModel = false,
): { anomalies: RawAnomaly[]; model: SeriesModel | null } {
  const work = buffers(values.length);
  const full = work.full.subarray(0, values.length);
  for (let t = 0; t < values.length; t++) full[t] = values[t] ?? 0;
  const anomalies: RawAnomaly[] = [];
  let offset = 0;
  while (offset < full.length && (full[offset] ?? 0) <= 0) offset++;
  if (offset === full.length) return { anomalies, model: null };
  if (offset >= opts.newServiceQuietDays) {
    let actual = 0;
    let spendDays = 0;
    for (let t = offset; t < full.length; t++) {
      actual += full[t] ?? 0;
      if ((full[t] ?? 0) > 0) spendDays++;
    }
    // A service in use most days since it appeared; a one-off charge (tax, support billed at
    // month end) after quiet weeks is not one.
    const since = full.length - offset;
    const inUse = spendDays >= Math.min(3, since) && spendDays >= since / 2;
    if (inUse && actual >= opts.minImpactUsd)
      anomalies.push({
        kind: "new_service",
        first: offset,
        last: full.length - 1,
        expected: 0,
        actual,
        upperBound: 0,
        score: 0,
      });
  }
  const x = full.subarray(offset);
  const n = x.length;
  if (n < 21) return { anomalies, model: null };

  const { factor } = estimateSeasonality(x, cal, offset);
  const y = work.y.subarray(0, n);
  for (let t = 0; t < n; t++) y[t] = (x[t] ?? 0) / (factor[t] ?? 1);
  const typical = medianOfList(y);
  if (!(typical >= opts.minDailyUsd)) return { anomalies, model: null };

  // Noise from day-to-day differences: a shift or a spike moves only one or two of them.
  const diffs = work.diffs.subarray(0, n - 1);
  for (let t = 1; t < n; t++) diffs[t - 1] = Math.abs((y[t] ?? 0) - (y[t - 1] ?? 0));
  const sigma = Math.max((1.4826 * medianOfList(diffs)) / Math.SQRT2, 0.01 * typical, 1e-3);

  const m7 = work.m7;
  const m14 = work.m14;
  slidingMedian(y, 7, m7);
  slidingMedian(y, SPIKE_WINDOW, m14);
  const scratch = new Float64Array(SPIKE_WINDOW + 1);

  // 1. Level shifts: the median of the next ≤7 days against the previous ≤14 within the segment,
  //    and a sharp step (2-day means either side) so a slow drift is not taken for one.
  const cuts: number[] = [0];
  const preLevel: number[] = [];
  for (let t = 14; t + 4 <= n; t++) {
    const seg = cuts[cuts.length - 1] ?? 0;
    if (t - seg < 14) continue;
    const best = bestShiftAt(t);
    if (!best) continue;
    let cp = t;
    let top = best;
    for (let u = t + 1; u <= t + 3 && u + 4 <= n; u++) {
      const c = bestShiftAt(u);
      if (c && c.sharp > top.sharp) {
        cp = u;
        top = c;
      }
    }
    cuts.push(cp);
    preLevel.push(top.pre);
    t = cp + 6;
  }
  function bestShiftAt(t: number) {
    const seg = cuts[cuts.length - 1] ?? 0;
    const nPre = Math.min(14, t - seg);
    const pre = t - 14 >= seg ? (m14[t - 14] ?? 0) : medianOf(y, seg, t, scratch);
    const nPost = Math.min(7, n - t);
    const post = nPost === 7 ? (m7[t] ?? 0) : medianOf(y, t, n, scratch);
    const diff = post - pre;
    const score = Math.abs(diff) / (MEDIAN_SE * sigma * Math.sqrt(1 / nPre + 1 / nPost));
    if (score < opts.shiftZ || Math.abs(diff) < opts.minRelative * Math.max(pre, 1e-9)) return null;
    // A step: flat before it (the week before t level with the week before that). A drift rises
    // through both weeks, so it is left to the drift test.
    // And flat after it where the data reaches: a drift keeps rising through the next week too.
    const earlier = Math.sign(diff) * ((m7[t - 7] ?? 0) - (m7[t - 14] ?? 0));
    const later = t + 14 <= n ? Math.sign(diff) * ((m7[t + 7] ?? 0) - (m7[t] ?? 0)) : null;
    if (
      later === null
        ? earlier > 0.35 * Math.abs(diff)
        : earlier + Math.max(0, later) > 0.5 * Math.abs(diff)
    )
      return null;
    const stepShort = ((y[t] ?? 0) + (y[t + 1] ?? 0) - (y[t - 1] ?? 0) - (y[t - 2] ?? 0)) / 2;
    return { pre, score, sharp: Math.sign(diff) * stepShort };
  }
  for (let i = 1; i < cuts.length; i++) {
    const first = cuts[i] ?? 0;
    const last = (cuts[i + 1] ?? n) - 1;
    const pre = preLevel[i - 1] ?? 0;
    let expected = 0;
    let actual = 0;
    for (let t = first; t <= last; t++) {
      expected += pre * (factor[t] ?? 1);
      actual += x[t] ?? 0;
    }
    const stepScore = ((m7[first] ?? 0) - pre) / (sigma * MEDIAN_SE * Math.sqrt(1 / 14 + 1 / 7));
    if (actual - expected >= opts.minImpactUsd && stepScore > 0)
      anomalies.push({
        kind: "level_shift",
        first: first + offset,
        last: last + offset,
        expected,
        actual,
        upperBound: (pre + opts.spikeZ * sigma) * (factor[first] ?? 1),
        score: stepScore,
      });
  }

  // 2. Spikes: each day against the trailing median of its segment.
  const baseline = work.baseline.subarray(0, n).fill(Number.NaN);
  const spread = work.spread.subarray(0, n).fill(Number.NaN);
  let segIndex = 0;
  let run: RawAnomaly | null = null;
  const closeRun = () => {
    if (run && run.actual - run.expected >= opts.minImpactUsd) anomalies.push(run);
    run = null;
  };
  for (let t = 1; t < n; t++) {
    while (segIndex + 1 < cuts.length && (cuts[segIndex + 1] ?? n) <= t) segIndex++;
    const seg = cuts[segIndex] ?? 0;
    const nb = Math.min(SPIKE_WINDOW, t - seg);
    if (nb < MIN_BASELINE_DAYS) {
      closeRun();
      continue;
    }
    let b =
      t - SPIKE_WINDOW >= seg ? (m14[t - SPIKE_WINDOW] ?? 0) : medianOf(y, t - nb, t, scratch);
    // On a rising series the trailing median lags: extrapolate the last two weeks' rise.
    if (t - 14 >= seg) {
      const rise = ((m7[t - 7] ?? 0) - (m7[t - 14] ?? 0)) / 7;
      if (rise > 0) b = Math.max(b, (m7[t - 7] ?? 0) + 4 * rise);
    }
    const se = sigma * Math.sqrt(1 + (MEDIAN_SE * MEDIAN_SE) / nb);
    baseline[t] = b;
    spread[t] = se;
    const yt = y[t] ?? 0;
    const z = (yt - b) / se;
    const f = factor[t] ?? 1;
    if (z >= opts.spikeZ && yt - b >= opts.minRelative * b) {
      const r: RawAnomaly = run ?? {
        kind: "spike",
        first: t + offset,
        last: t + offset,
        expected: 0,
        actual: 0,
        upperBound: (b + opts.spikeZ * se) * f,
        score: z,
      };
      r.last = t + offset;
      r.expected += b * f;
      r.actual += x[t] ?? 0;
      r.score = Math.max(r.score, z);
      run = r;
    } else closeRun();
  }
  closeRun();

  // 3. Drift on the last segment: three 14-day medians rising step by step, none of the steps
  //    carrying most of the rise (that would be a level shift).
  //    Blocks of 14 days, shorter (down to 7) while the stored window is short.
  const seg = cuts[cuts.length - 1] ?? 0;
  const block = Math.min(DRIFT_BLOCK, Math.floor((n - seg) / 3));
  if (block >= 7) {
    const s0 = n - 3 * block;
    const a = block === SPIKE_WINDOW ? (m14[s0] ?? 0) : medianOf(y, s0, s0 + block, scratch);
    const b =
      block === SPIKE_WINDOW
        ? (m14[s0 + block] ?? 0)
        : medianOf(y, s0 + block, s0 + 2 * block, scratch);
    const c =
      block === SPIKE_WINDOW ? (m14[s0 + 2 * block] ?? 0) : medianOf(y, s0 + 2 * block, n, scratch);
    const total = c - a;
    const score = total / ((MEDIAN_SE * sigma * Math.SQRT2) / Math.sqrt(block));
    if (
      score >= opts.shiftZ &&
      total >= 1.5 * opts.minRelative * a &&
      b - a >= 0.2 * total &&
      c - b >= 0.2 * total
    ) {
      let expected = 0;
      let actual = 0;
      for (let t = s0; t < n; t++) {
        expected += a * (factor[t] ?? 1);
        actual += x[t] ?? 0;
      }
      if (actual - expected >= opts.minImpactUsd)
        anomalies.push({
          kind: "drift",
          first: s0 + offset,
          last: n - 1 + offset,
          expected,
          actual,
          upperBound: (a + opts.spikeZ * sigma) * (factor[n - 1] ?? 1),
          score,
        });
    }
  }
  return {
    anomalies,
    model: withModel
      ? { offset, factor: factor.slice(), baseline: baseline.slice(), spread: spread.slice() }
      : null,
  };
}
