// The detector over many series: each account × service analysed on its own, results in days,
// spikes matching a pattern someone marked as expected left out.
import { analyseSeries } from "./analyse-series";
import { addDays, calendarFor, dayOfMonth, dayToEpoch } from "./day-math";
import type { Calendar } from "./seasonality";
import {
  DEFAULT_DETECTOR_OPTIONS,
  type DailySeries,
  type DetectedAnomaly,
  type DetectorOptions,
  type ExpectedPattern,
} from "./types";

const round2 = (v: number) => Math.round(v * 100) / 100;

/** Spikes within a day of the marked day of month, same account, service and kind, are expected. */
export function matchesExpectedPattern(
  a: Pick<DetectedAnomaly, "accountId" | "service" | "kind" | "firstDay">,
  patterns: readonly ExpectedPattern[],
): boolean {
  if (a.kind !== "spike") return false;
  const dom = dayOfMonth(dayToEpoch(a.firstDay));
  return patterns.some(
    (p) =>
      p.accountId === a.accountId &&
      p.service === a.service &&
      p.kind === a.kind &&
      Math.abs(p.dayOfMonth - dom) <= 1,
  );
}

export function detectAnomalies(
  series: Iterable<DailySeries>,
  options: Partial<DetectorOptions> = {},
  patterns: readonly ExpectedPattern[] = [],
): DetectedAnomaly[] {
  const opts = { ...DEFAULT_DETECTOR_OPTIONS, ...options };
  const calendars = new Map<string, Calendar>();
  const out: DetectedAnomaly[] = [];
  for (const s of series) {
    const key = `${s.start}/${s.values.length}`;
    let cal = calendars.get(key);
    if (!cal) {
      cal = calendarFor(s.start, s.values.length);
      calendars.set(key, cal);
    }
    for (const r of analyseSeries(s.values, cal, opts).anomalies) {
      const a: DetectedAnomaly = {
        accountId: s.accountId,
        service: s.service,
        kind: r.kind,
        firstDay: addDays(s.start, r.first),
        lastDay: addDays(s.start, r.last),
        expected: round2(r.expected),
        actual: round2(r.actual),
        impact: round2(r.actual - r.expected),
        upperBound: round2(r.upperBound),
        score: Math.round(r.score * 10) / 10,
      };
      if (!matchesExpectedPattern(a, patterns)) out.push(a);
    }
  }
  return out;
}
