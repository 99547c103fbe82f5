import { describe, expect, it } from "vitest";
import { planCommitmentFetch, planCostFetch, type CostState } from "./cost-plan";
import { dailyWindow } from "./daily-plan";
import { lateCorrectionDue, planLateCorrections } from "./late-corrections";

const settled = (now: string, lastRefetchAt: string | null): CostState => ({
  backfilled: true,
  commitmentsBackfilled: true,
  estimatedMonths: ["2025-06-01"],
  tagKeyMonths: { owner: ["2025-01-01"] },
  dimensionMonths: { RECORD_TYPE: ["2025-01-01"], REGION: ["2025-01-01"] },
  dailyDays: dailyWindow(new Date(now), 90),
  lastRefetchAt,
});

describe("late corrections", () => {
  it.each([
    ["2025-07-01T00:10:00Z", null, true],
    ["2025-07-01T00:10:00Z", "2025-06-30T23:50:00Z", true],
    ["2025-07-28T00:10:00Z", "2025-07-01T00:10:00Z", false],
    ["2025-07-28T00:10:00Z", undefined, false],
  ])("at %s after a refetch at %s is due: %s", (now, last, due) => {
    expect(lateCorrectionDue(new Date(now), last)).toBe(due);
  });

  it("refetches the last N final months, not the estimated ones fetched anyway, and not before the window", () => {
    const window = ["2025-04-01", "2025-05-01", "2025-06-01", "2025-07-01"];
    expect(
      planLateCorrections(
        new Date("2025-07-02T00:00:00Z"),
        4,
        null,
        window,
        ["2025-06-01", "2025-07-01"],
        false,
      ),
    ).toEqual({ full: false, months: ["2025-04-01", "2025-05-01"] });
    expect(
      planLateCorrections(new Date("2025-07-02T00:00:00Z"), 0, null, window, [], false),
    ).toBeUndefined();
    expect(
      planLateCorrections(new Date("2025-07-02T00:00:00Z"), 3, null, window, [], true),
    ).toEqual({
      full: true,
      months: [],
    });
  });

  it("a due refetch asks for the final months by service, tag and dimension, never their days nor commitments", () => {
    const now = new Date("2025-07-01T06:00:00Z");
    const state = settled("2025-06-30T06:00:00Z", "2025-06-01T06:00:00Z");
    const plan = planCostFetch(now, 14, state, ["owner"], false, 90, 3);
    expect(plan.refetch).toEqual({ full: false, months: ["2025-04-01", "2025-05-01"] });
    expect(plan.months).toEqual(["2025-04-01", "2025-05-01", "2025-06-01", "2025-07-01"]);
    expect(plan.ranges).toEqual([{ start: "2025-04-01", end: "2025-07-02" }]);
    expect(plan.tags[0]?.months).toEqual(plan.months);
    expect(plan.dimensions.map((d) => d.months)).toEqual([plan.months, plan.months]);
    // Days: only the estimated month's and today's, as without the refetch.
    expect(plan.daily.days.every((d) => d >= "2025-06-01")).toBe(true);
    expect(planCommitmentFetch(now, 14, state, plan)).toEqual({
      months: ["2025-06-01", "2025-07-01"],
      ranges: [{ start: "2025-06-01", end: "2025-07-02" }],
    });
  });

  it("the daily incremental refresh of a month already refetched asks for no final month at all", () => {
    const now = new Date("2025-07-15T06:00:00Z");
    const state = {
      ...settled("2025-07-14T06:00:00Z", "2025-07-01T06:00:00Z"),
      estimatedMonths: [],
    };
    const plan = planCostFetch(now, 14, state, ["owner"], false, 90, 3);
    expect(plan.refetch).toBeUndefined();
    expect(plan.months).toEqual(["2025-07-01"]);
    expect(plan.tags[0]?.months).toEqual(["2025-07-01"]);
    expect(plan.daily.days.every((d) => d >= "2025-07-01")).toBe(true);
  });
});
