// The chart's expected range for one series: the detector's baseline times the seasonal factor,
// ± the spike threshold in robust standard deviations.
import { analyseSeries } from "./analyse-series";
import { addDays, calendarFor } from "./day-math";
import { DEFAULT_DETECTOR_OPTIONS, type DailySeries, type ExpectedBandPoint } from "./types";

const round2 = (v: number) => Math.round(v * 100) / 100;

export function expectedBand(series: DailySeries, spikeZ = DEFAULT_DETECTOR_OPTIONS.spikeZ) {
  const n = series.values.length;
  const { model } = analyseSeries(
    series.values,
    calendarFor(series.start, n),
    {
      ...DEFAULT_DETECTOR_OPTIONS,
      spikeZ,
    },
    true,
  );
  const points: ExpectedBandPoint[] = [];
  for (let t = 0; t < n; t++) {
    const actual = round2(series.values[t] ?? 0);
    const i = model ? t - model.offset : -1;
    const b = model && i >= 0 ? (model.baseline[i] ?? Number.NaN) : Number.NaN;
    const se = model && i >= 0 ? (model.spread[i] ?? Number.NaN) : Number.NaN;
    const f = model && i >= 0 ? (model.factor[i] ?? 1) : 1;
    const known = Number.isFinite(b) && Number.isFinite(se);
    points.push({
      day: addDays(series.start, t),
      actual,
      expected: known ? round2(b * f) : null,
      lower: known ? round2(Math.max(0, (b - spikeZ * se) * f)) : null,
      upper: known ? round2((b + spikeZ * se) * f) : null,
    });
  }
  return points;
}
