import { describe, expect, it } from "vitest";
import { dailyWindow, dayRanges, planDailyFetch } from "./daily-plan";

const NOW = new Date("2025-06-15T10:00:00Z");
const WINDOW_90 = dailyWindow(NOW, 90);

describe("planning daily cost fetches", () => {
  it("a window of 90 days ends today and starts 89 days before", () => {
    expect(WINDOW_90).toHaveLength(90);
    expect(WINDOW_90[0]).toBe("2025-03-18");
    expect(WINDOW_90.at(-1)).toBe("2025-06-15");
  });

  it("backfills the whole window in one range when nothing is stored", () => {
    const plan = planDailyFetch(NOW, 90, [], ["2025-06-01"], false);
    expect(plan.days).toEqual(WINDOW_90);
    expect(plan.ranges).toEqual([{ start: "2025-03-18", end: "2025-06-16" }]);
  });

  it("refetches only days of open months once the window is stored: final days are not asked for again", () => {
    const plan = planDailyFetch(NOW, 90, WINDOW_90, ["2025-06-01"], false);
    expect(plan.ranges).toEqual([{ start: "2025-06-01", end: "2025-06-16" }]);
    expect(plan.days).toHaveLength(15);
  });

  it("keeps refetching the previous month's days while that month is still estimated", () => {
    const plan = planDailyFetch(NOW, 90, WINDOW_90, ["2025-05-01", "2025-06-01"], false);
    expect(plan.ranges).toEqual([{ start: "2025-05-01", end: "2025-06-16" }]);
  });

  it("a widened window fetches the days it adds and the open month, not the final days in between", () => {
    const stored = dailyWindow(NOW, 30); // 2025-05-17 … 2025-06-15
    const plan = planDailyFetch(NOW, 90, stored, ["2025-06-01"], false);
    expect(plan.ranges).toEqual([
      { start: "2025-03-18", end: "2025-05-17" },
      { start: "2025-06-01", end: "2025-06-16" },
    ]);
    expect(plan.days).toHaveLength(60 + 15);
  });

  it("a narrowed window fetches no more than the open month", () => {
    const plan = planDailyFetch(NOW, 30, WINDOW_90, ["2025-06-01"], false);
    expect(plan.ranges).toEqual([{ start: "2025-06-01", end: "2025-06-16" }]);
  });

  it("a forced backfill fetches every day of the window again", () => {
    expect(planDailyFetch(NOW, 90, WINDOW_90, ["2025-06-01"], true).days).toEqual(WINDOW_90);
  });

  it("a day missing in the middle (a run that stored nothing for it) is fetched on its own", () => {
    const stored = WINDOW_90.filter((d) => d !== "2025-04-10");
    expect(planDailyFetch(NOW, 90, stored, ["2025-06-01"], false).ranges).toEqual([
      { start: "2025-04-10", end: "2025-04-11" },
      { start: "2025-06-01", end: "2025-06-16" },
    ]);
  });

  it("never asks again for days of final months the monthly history holds no spend for (before the first bill)", () => {
    // Spend starts in May: March and April were backfilled monthly and had none, so no daily row remembers them.
    const stored = WINDOW_90.filter((d) => d >= "2025-05-01");
    const plan = planDailyFetch(NOW, 90, stored, ["2025-06-01"], false, [
      "2025-03-01",
      "2025-04-01",
    ]);
    expect(plan.ranges).toEqual([{ start: "2025-06-01", end: "2025-06-16" }]);
    // The look-alike: a month with spend whose days were never stored is still fetched.
    const gap = planDailyFetch(NOW, 90, stored, ["2025-06-01"], false, ["2025-03-01"]);
    expect(gap.ranges).toEqual([
      { start: "2025-04-01", end: "2025-05-01" },
      { start: "2025-06-01", end: "2025-06-16" },
    ]);
  });

  it("folds consecutive days into ranges across month ends", () => {
    expect(dayRanges(["2025-03-01", "2025-02-28", "2025-03-03"])).toEqual([
      { start: "2025-02-28", end: "2025-03-02" },
      { start: "2025-03-03", end: "2025-03-04" },
    ]);
  });
});
