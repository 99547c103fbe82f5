import { describe, expect, it } from "vitest";
import {
  generateLabeledSet,
  generateSeries,
  seededRandom,
  type LabeledSeries,
} from "@/testing/fixtures/anomaly-series";
import { scoreDetections } from "@/testing/fixtures/anomaly-quality";
import { detectAnomalies } from "./detect-anomalies";
import { expectedBand } from "./expected-band";
import { rollUpAnomalies } from "./roll-up";

const START = "2026-07-01"; // a Wednesday; 1 Aug and 1 Sep fall inside 90 days

/** A steady $100 weekday / $60 weekend series with 2 % noise and a $250 charge on every 1st. */
function steady(seed: number, edit?: (v: Float64Array) => void): LabeledSeries {
  const rand = seededRandom(seed);
  const values = new Float64Array(90);
  for (let t = 0; t < 90; t++) {
    const d = new Date(Date.parse(`${START}T00:00:00Z`) + t * 86_400_000);
    const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
    values[t] = (weekend ? 60 : 100) * (1 + 0.02 * (rand() - 0.5) * 3.4);
    if (d.getUTCDate() === 1) values[t] = (values[t] ?? 0) + 250;
  }
  edit?.(values);
  return {
    accountId: "111111111111",
    service: "Amazon EC2",
    start: START,
    values,
    noise: 0.02,
    labels: [],
  };
}

describe("anomaly detector: one series at a time", () => {
  it("flags a one-day spike of 30 % with its expected spend and impact", () => {
    const found = detectAnomalies([steady(1, (v) => (v[70] = (v[70] ?? 0) + 30))]);
    expect(found).toHaveLength(1);
    const [a] = found;
    expect(a).toMatchObject({ kind: "spike", firstDay: "2026-09-09", lastDay: "2026-09-09" });
    expect(a?.expected).toBeGreaterThan(95);
    expect(a?.expected).toBeLessThan(105);
    expect(a?.impact).toBeGreaterThan(24);
    expect(a?.impact).toBeLessThan(36);
  });

  it("look-alike: weekend dips and the monthly charge on the 1st are seasonality, not anomalies", () => {
    expect(detectAnomalies([steady(2)])).toEqual([]);
  });

  it("flags a level shift on the day spend steps up, not each day after it", () => {
    const found = detectAnomalies([
      steady(3, (v) => v.forEach((x, t) => t >= 50 && (v[t] = x * 1.25))),
    ]);
    expect(found.map((a) => [a.kind, a.firstDay])).toEqual([["level_shift", "2026-08-20"]]);
    expect(found[0]?.lastDay).toBe("2026-09-28");
  });

  it("flags a slow drift that no single day shows, and not as a level shift", () => {
    const found = detectAnomalies([
      steady(4, (v) => v.forEach((x, t) => t >= 40 && (v[t] = x * (1 + (0.5 * (t - 40)) / 50)))),
    ]);
    expect(found.map((a) => a.kind)).toEqual(["drift"]);
  });

  it("flags a new service after two quiet weeks; a service there from the first day is not new", () => {
    const fresh = steady(5, (v) => v.fill(0, 0, 60));
    const found = detectAnomalies([fresh, { ...steady(6), service: "Amazon S3" }]);
    expect(found.map((a) => [a.service, a.kind, a.firstDay])).toEqual([
      ["Amazon EC2", "new_service", "2026-08-30"],
    ]);
  });

  it("look-alike: a one-off charge after quiet weeks (tax billed at month end) is not a new service", () => {
    const billed = steady(9, (v) => {
      v.fill(0);
      v[60] = 400;
    });
    expect(detectAnomalies([billed])).toEqual([]);
  });

  it("learns from 'expected': a spike near the same day of month is left out next time", () => {
    const batch = steady(7, (v) => {
      v[44] = (v[44] ?? 0) + 80; // 14 Aug
      v[75] = (v[75] ?? 0) + 80; // 14 Sep
    });
    expect(detectAnomalies([batch]).map((a) => a.firstDay)).toEqual(["2026-08-14", "2026-09-14"]);
    const marked = [
      { accountId: "111111111111", service: "Amazon EC2", kind: "spike" as const, dayOfMonth: 14 },
    ];
    expect(detectAnomalies([batch], {}, marked)).toEqual([]);
    // look-alike: the same pattern on another service is still flagged
    expect(detectAnomalies([{ ...batch, service: "Amazon RDS" }], {}, marked)).toHaveLength(2);
  });

  it("draws an expected band that holds normal days and leaves the spike above it", () => {
    const band = expectedBand(steady(8, (v) => (v[70] = (v[70] ?? 0) + 60)));
    const spikeDay = band[70];
    expect(spikeDay?.upper).not.toBeNull();
    expect(spikeDay?.actual).toBeGreaterThan(spikeDay?.upper ?? Infinity);
    const inside = band.filter((p, t) => t !== 70 && p.upper !== null && p.lower !== null);
    expect(inside.length).toBeGreaterThan(70);
    expect(inside.every((p) => p.actual <= (p.upper ?? 0) && p.actual >= (p.lower ?? 0))).toBe(
      true,
    );
  });
});

describe("anomaly detector: measured on the labeled synthetic set", () => {
  // 4 noise levels × 5 cases × 150 series of 90 days, seed 15: the figures in BENCHMARKS.md come
  // from the same generator (npm run bench -- --anomalies).
  const set = generateLabeledSet({ seed: 15, perCase: 150, noiseLevels: [0.01, 0.025, 0.05] });
  const report = scoreDetections(set, detectAnomalies(set));

  it("finds ≥ 90 % of spikes and level shifts of 20 % of the daily mean or more", () => {
    expect(report.perKind.spike.labels).toBe(450);
    expect(report.perKind.spike.recall).toBeGreaterThanOrEqual(0.9);
    expect(report.perKind.level_shift.recall).toBeGreaterThanOrEqual(0.9);
    expect(report.perKind.new_service.recall).toBeGreaterThanOrEqual(0.9);
  });

  it("raises at most 1 false alert per 1,000 series-days on clean series", () => {
    expect(report.cleanDays).toBe(450 * 90);
    expect(report.falseAlertsPer1000Days).toBeLessThanOrEqual(1);
  });

  it("keeps spikes and level shifts precise (≥ 0.8)", () => {
    expect(report.perKind.spike.precision).toBeGreaterThanOrEqual(0.8);
    expect(report.perKind.level_shift.precision).toBeGreaterThanOrEqual(0.8);
  });

  it("finds most slow drifts without mistaking clean series for them", () => {
    expect(report.perKind.drift.recall).toBeGreaterThanOrEqual(0.6);
    expect(report.perKind.drift.precision).toBeGreaterThanOrEqual(0.9);
  });

  it("is repeatable: the same seed gives the same series", () => {
    const again = generateSeries(
      seededRandom(3),
      "spike",
      { days: 90, start: START, noise: 0.05 },
      { accountId: "1", service: "s" },
    );
    const once = generateSeries(
      seededRandom(3),
      "spike",
      { days: 90, start: START, noise: 0.05 },
      { accountId: "1", service: "s" },
    );
    expect(Array.from(again.values)).toEqual(Array.from(once.values));
    expect(again.labels).toEqual(once.labels);
  });
});

describe("roll-ups", () => {
  it("sums open anomalies per group, largest impact first, ungrouped accounts together", () => {
    const ou: Record<string, string> = { a: "Prod", b: "Prod", c: "Dev" };
    const rows = rollUpAnomalies(
      [
        { accountId: "a", impact: 10.1 },
        { accountId: "b", impact: 5.2 },
        { accountId: "c", impact: 40 },
        { accountId: "z", impact: 1 },
      ],
      (id) => (ou[id] ? { key: ou[id], label: ou[id] } : null),
    );
    expect(rows).toEqual([
      { key: "Dev", label: "Dev", count: 1, impact: 40 },
      { key: "Prod", label: "Prod", count: 2, impact: 15.3 },
      { key: "", label: "—", count: 1, impact: 1 },
    ]);
  });
});
