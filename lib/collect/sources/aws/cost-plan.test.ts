import { describe, expect, it } from "vitest";
import {
  commitmentsSettled,
  contiguousRanges,
  planCommitmentFetch,
  planCostFetch,
  type CostState,
} from "./cost-plan";
import { dailyWindow } from "./daily-plan";

describe("planning Cost Explorer fetches", () => {
  it("backfills completed months of history plus the current month, ending tomorrow", () => {
    const plan = planCostFetch(
      new Date("2025-06-15T10:00:00Z"),
      14,
      { backfilled: false, estimatedMonths: [], tagKeyMonths: {} },
      [],
    );
    expect(plan.months[0]).toBe("2024-04-01");
    expect(plan.months).toHaveLength(15);
    expect(plan.ranges).toEqual([{ start: "2024-04-01", end: "2025-06-16" }]);
    // The daily window: 90 days, today last, in one query.
    expect(plan.daily).toMatchObject({ start: "2025-03-18", end: "2025-06-16" });
    expect(plan.daily.days).toHaveLength(90);
    expect(plan.daily.ranges).toEqual([{ start: "2025-03-18", end: "2025-06-16" }]);
  });

  it("afterwards refetches estimated months and the current one, in as few ranges as possible", () => {
    const plan = planCostFetch(
      new Date("2025-07-01T00:30:00Z"),
      14,
      {
        backfilled: true,
        estimatedMonths: ["2025-05-01", "2025-06-01", "2023-01-01"],
        tagKeyMonths: {},
        dailyDays: dailyWindow(new Date("2025-06-30T00:00:00Z"), 90),
      },
      [],
    );
    expect(plan.months).toEqual(["2025-05-01", "2025-06-01", "2025-07-01"]);
    expect(plan.ranges).toEqual([{ start: "2025-05-01", end: "2025-07-02" }]);
    // May is final in Cost Explorer's eyes once it is no longer estimated: until then its days are refetched too.
    expect(plan.daily.ranges).toEqual([{ start: "2025-05-01", end: "2025-07-02" }]);
    expect(plan.daily.days.at(-1)).toBe("2025-07-01");
  });

  it("splits months that are not adjacent", () => {
    expect(contiguousRanges(["2025-01-01", "2025-03-01", "2025-02-01", "2025-06-01"])).toEqual([
      { start: "2025-01-01", end: "2025-04-01" },
      { start: "2025-06-01", end: "2025-07-01" },
    ]);
  });

  it("a forced backfill fetches the whole window again", () => {
    expect(
      planCostFetch(
        new Date("2025-06-15T00:00:00Z"),
        2,
        { backfilled: true, estimatedMonths: [], tagKeyMonths: {} },
        [],
        true,
      ).months,
    ).toEqual(["2025-04-01", "2025-05-01", "2025-06-01"]);
  });

  it("asks for every tag key once, and backfills the whole window for a key that has no stored history", () => {
    const state = {
      backfilled: true,
      estimatedMonths: [],
      tagKeyMonths: { owner: ["2025-04-01", "2025-05-01"], "": [] },
    };
    const plan = planCostFetch(new Date("2025-06-15T00:00:00Z"), 2, state, [
      "owner",
      "environment",
      "owner",
    ]);
    expect(plan.tags).toEqual([
      {
        key: "owner",
        months: ["2025-06-01"],
        ranges: [{ start: "2025-06-01", end: "2025-06-16" }],
      },
      {
        key: "environment",
        months: ["2025-04-01", "2025-05-01", "2025-06-01"],
        ranges: [{ start: "2025-04-01", end: "2025-06-16" }],
      },
    ]);
  });
});

describe("planning Savings Plans / Reserved Instances fetches", () => {
  const now = new Date("2025-06-15T10:00:00Z");
  function planAfter(fetches: { kind: string; status: string }[]) {
    const state: CostState = {
      backfilled: true,
      estimatedMonths: [],
      tagKeyMonths: {},
      commitmentsBackfilled: commitmentsSettled(fetches),
    };
    return planCommitmentFetch(now, 14, state, planCostFetch(now, 14, state, []));
  }

  it("refetches only the current month once both kinds were read", () => {
    const plan = planAfter([
      { kind: "savings_plan", status: "ok" },
      { kind: "reserved_instance", status: "ok" },
    ]);
    expect(plan.months).toEqual(["2025-06-01"]);
  });

  it("counts a denied kind (no RIs, no permission) as settled: incremental, not the whole window", () => {
    const plan = planAfter([
      { kind: "savings_plan", status: "ok" },
      { kind: "reserved_instance", status: "denied" },
    ]);
    expect(plan.months).toEqual(["2025-06-01"]);
  });

  it("refetches the whole window when a kind's last read failed", () => {
    const plan = planAfter([
      { kind: "savings_plan", status: "ok" },
      { kind: "reserved_instance", status: "error" },
    ]);
    expect(plan.months).toHaveLength(15);
    expect(plan.months[0]).toBe("2024-04-01");
  });

  it("refetches the whole window when a kind was never read", () => {
    expect(commitmentsSettled([{ kind: "savings_plan", status: "ok" }])).toBe(false);
    expect(planAfter([{ kind: "savings_plan", status: "ok" }]).months).toHaveLength(15);
  });
});
