import { describe, expect, it } from "vitest";
import { GROWTH_LIMIT, growthSeries, logLogExponent } from "./growth";

const curve = (f: (n: number) => number) =>
  [1000, 5000, 20000].map((accounts) => ({ accounts, value: f(accounts) }));

describe("logLogExponent", () => {
  it("is 1 for a linear figure, 0 for a constant one, 2 for a quadratic one", () => {
    expect(logLogExponent(curve((n) => 0.03 * n))).toBe(1);
    expect(logLogExponent(curve(() => 180))).toBe(0);
    expect(logLogExponent(curve((n) => n * n))).toBe(2);
  });

  it("fits n log n just above linear, under the limit at these sizes", () => {
    const e = logLogExponent(curve((n) => n * Math.log(n)));
    expect(e).toBeGreaterThan(1);
    expect(e).toBeLessThanOrEqual(GROWTH_LIMIT);
  });

  it("fits noisy points by least squares rather than the two ends", () => {
    const e = logLogExponent([
      { accounts: 1000, value: 10 },
      { accounts: 5000, value: 70 },
      { accounts: 20000, value: 200 },
    ]);
    // The ends alone give exactly 1; the middle point pulls the least-squares slope up to 1.0056.
    expect(e).toBe(1.01);
  });

  it("has no answer with one size, repeated sizes only, or a zero figure", () => {
    expect(logLogExponent([{ accounts: 5000, value: 3 }])).toBeNull();
    expect(
      logLogExponent([
        { accounts: 5000, value: 3 },
        { accounts: 5000, value: 4 },
      ]),
    ).toBeNull();
    expect(logLogExponent(curve((n) => (n === 1000 ? 0 : n)))).toBeNull();
  });
});

describe("growthSeries", () => {
  it("flags a figure that grows faster than linearly, not one that grows linearly", () => {
    expect(
      growthSeries(
        "load time (s)",
        curve((n) => n ** 1.3),
      ).verdict,
    ).toBe("faster than linear");
    expect(
      growthSeries(
        "load time (s)",
        curve((n) => n),
      ).verdict,
    ).toBe("ok");
    expect(
      growthSeries(
        "heap (MB)",
        curve(() => 150),
      ).verdict,
    ).toBe("ok");
  });

  it("says not measured when only one size has the figure", () => {
    const s = growthSeries("collector peak heap (MB)", [{ accounts: 5000, value: 180 }]);
    expect(s).toMatchObject({ exponent: null, verdict: "not measured" });
  });
});
