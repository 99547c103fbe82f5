import { describe, expect, it } from "vitest";
import { kpiChange, percentChange, spendTotals, topMovers } from "./digest";
import { cronOf, daysOf, latestPeriod } from "./period";

describe("latestPeriod", () => {
  it("weekly: the 7 full days before the latest send weekday, compared with the 7 before", () => {
    // Wednesday 2 Dec 2026; sent on Mondays → the period ended on Monday 30 Nov.
    const p = latestPeriod("weekly", 1, new Date("2026-12-02T15:00:00Z"));
    expect(p).toMatchObject({
      key: "weekly:2026-11-23",
      start: "2026-11-23",
      end: "2026-11-30",
      previousStart: "2026-11-16",
    });
    expect(p.sendAt.toISOString()).toBe("2026-11-30T00:00:00.000Z");
  });

  it("weekly on the send day itself covers the week that just ended", () => {
    const p = latestPeriod("weekly", 3, new Date("2026-12-02T00:00:00Z"));
    expect(p).toMatchObject({ start: "2026-11-25", end: "2026-12-02" });
  });

  it("monthly: the last full month against the one before, across a year boundary", () => {
    expect(latestPeriod("monthly", null, new Date("2026-01-15T10:00:00Z"))).toMatchObject({
      key: "monthly:2025-12",
      start: "2025-12-01",
      end: "2026-01-01",
      previousStart: "2025-11-01",
      label: "Dec 2025",
    });
  });

  it("lists the days of a period and a cron per cadence", () => {
    expect(daysOf("2026-02-27", "2026-03-02")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01"]);
    expect(cronOf("weekly", 5)).toBe("0 0 * * 5");
    expect(cronOf("monthly", null)).toBe("0 0 1 * *");
  });
});

describe("topMovers", () => {
  const pairs = [
    { key: "a", label: "A", current: 500, previous: 100 },
    { key: "b", label: "B", current: 50, previous: 250 },
    { key: "c", label: "C", current: 120, previous: 100 },
    { key: "d", label: "D", current: 80, previous: 0 },
    // look-alike: a cent of noise is not a mover
    { key: "e", label: "E", current: 100.004, previous: 100 },
  ];

  it("orders increases and decreases by the size of the change", () => {
    const m = topMovers(pairs, 2);
    expect(m.increases.map((x) => [x.key, x.change, x.changePct])).toEqual([
      ["a", 400, 400],
      ["d", 80, null],
    ]);
    expect(m.decreases.map((x) => [x.key, x.change, x.changePct])).toEqual([["b", -200, -80]]);
  });

  it("leaves out unchanged amounts", () => {
    const keys = [...topMovers(pairs, 10).increases, ...topMovers(pairs, 10).decreases].map(
      (x) => x.key,
    );
    expect(keys).not.toContain("e");
    expect(keys).toHaveLength(4);
  });

  it("totals both periods", () => {
    expect(spendTotals(pairs)).toEqual({
      current: 850,
      previous: 550,
      change: 300,
      changePct: 54.55,
    });
    expect(percentChange(10, 0)).toBeNull();
  });
});

describe("kpiChange", () => {
  const points = [
    { at: "2026-11-10T06:00:00.000Z", value: 60 },
    { at: "2026-11-20T06:00:00.000Z", value: 70 },
    { at: "2026-11-27T06:00:00.000Z", value: 75 },
    { at: "2026-12-01T06:00:00.000Z", value: 90 },
  ];
  it("compares the last value before the end with the last one before the start", () => {
    expect(kpiChange(points, "2026-11-23", "2026-11-30")).toEqual({
      value: 75,
      previous: 70,
      change: 5,
    });
  });
  it("has no change without an earlier measurement", () => {
    expect(kpiChange(points, "2026-11-01", "2026-11-15")).toEqual({
      value: 60,
      previous: null,
      change: null,
    });
  });
});
