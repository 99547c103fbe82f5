import { describe, expect, it } from "vitest";
import { budgetVariance, burnDown, forecastMonth } from "./forecast";

describe("forecastMonth", () => {
  it("scales month-to-date by the share previous months had reached by the same day", () => {
    // Front-loaded spend (support fee on the 1st): 40% of the month is spent in the first 10 days.
    const r = forecastMonth({
      daysInMonth: 30,
      daysElapsed: 10,
      monthToDate: 500,
      history: [
        { total: 1000, samePeriod: 400 },
        { total: 1000, samePeriod: 400 },
      ],
    });
    expect(r).toEqual({ forecast: 1250, method: "seasonal-share", share: 0.4 });
  });

  it("weights months by their spend", () => {
    const r = forecastMonth({
      daysInMonth: 30,
      daysElapsed: 15,
      monthToDate: 600,
      history: [
        { total: 3000, samePeriod: 1500 },
        { total: 1000, samePeriod: 500 },
      ],
    });
    expect(r.forecast).toBe(1200);
  });

  it("falls back to a linear run-rate without usable history", () => {
    expect(
      forecastMonth({ daysInMonth: 31, daysElapsed: 10, monthToDate: 100, history: [] }),
    ).toEqual({ forecast: 310, method: "linear", share: null });
    // A share below 5 % is noise, not a signal.
    expect(
      forecastMonth({
        daysInMonth: 30,
        daysElapsed: 3,
        monthToDate: 30,
        history: [{ total: 1000, samePeriod: 10 }],
      }).method,
    ).toBe("linear");
  });

  it("never forecasts less than what is already spent", () => {
    const r = forecastMonth({
      daysInMonth: 30,
      daysElapsed: 29,
      monthToDate: 900,
      history: [{ total: 100, samePeriod: 99.99 }],
    });
    expect(r.forecast).toBeGreaterThanOrEqual(900);
  });

  it("on the 1st uses the average of previous months", () => {
    expect(
      forecastMonth({
        daysInMonth: 30,
        daysElapsed: 0,
        monthToDate: 0,
        history: [
          { total: 900, samePeriod: 0 },
          { total: 1100, samePeriod: 0 },
        ],
      }),
    ).toEqual({ forecast: 1000, method: "history-average", share: null });
    expect(
      forecastMonth({ daysInMonth: 30, daysElapsed: 0, monthToDate: 0, history: [] }).method,
    ).toBe("none");
  });

  it("a finished month forecasts its actual", () => {
    expect(
      forecastMonth({ daysInMonth: 28, daysElapsed: 28, monthToDate: 777, history: [] }).forecast,
    ).toBe(777);
  });
});

describe("budgetVariance", () => {
  it.each([
    ["over", 1200, 1500, "over"],
    ["at risk", 400, 1100, "at-risk"],
    ["on track", 400, 900, "on-track"],
  ] as const)("%s", (_n, mtd, forecast, status) => {
    expect(budgetVariance(1000, mtd, forecast, 10, 30).status).toBe(status);
  });

  it("pro-rates the budget for the actual variance", () => {
    expect(budgetVariance(3000, 1200, 3600, 10, 30)).toMatchObject({
      actualVariance: 200,
      forecastVariance: 600,
      usedPct: 0.4,
    });
  });
});

describe("burnDown", () => {
  it("accumulates actuals and draws the forecast from the last actual day to month end", () => {
    const pts = burnDown([10, 20, 30], 5, 100, 80);
    expect(pts.map((p) => p.actual)).toEqual([10, 30, 60, null, null]);
    expect(pts.map((p) => p.forecast)).toEqual([null, null, 60, 80, 100]);
    expect(pts.every((p) => p.budget === 80)).toBe(true);
  });
});
