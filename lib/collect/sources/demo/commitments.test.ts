import { describe, expect, it } from "vitest";
import { expiringCommitments, summarizeMonths } from "@/lib/domain/commitments/summary";
import { parseSnapshot } from "@/lib/domain/snapshot";
import { generateDemoSnapshot } from "./index";

const now = new Date("2026-03-10T08:00:00Z");

describe("the demo's commitments", () => {
  const snap = parseSnapshot(generateDemoSnapshot({ now, months: 6 }));
  const { commitments, costs } = snap;
  const summary = summarizeMonths(commitments.coverage, commitments.usage);
  const last = "2026-02-01";

  it("covers 60-75% of Savings Plans-eligible spend, derived from the demo's own EC2, Lambda and ECS spend", () => {
    const sp = summary.find((m) => m.month === last && m.kind === "savings_plan");
    expect(Number(sp?.coveragePct)).toBeGreaterThanOrEqual(60);
    expect(Number(sp?.coveragePct)).toBeLessThanOrEqual(75);
    const eligible = costs.monthly
      .filter(
        (r) =>
          r.month === last &&
          [
            "Amazon Elastic Compute Cloud - Compute",
            "AWS Lambda",
            "Amazon Elastic Container Service",
          ].includes(r.service),
      )
      .reduce((a, r) => a + Number(r.unblended), 0);
    expect(Number(sp?.total)).toBeCloseTo(eligible, 2);
    expect(Number(sp?.utilizationPct)).toBeGreaterThan(95);
  });

  it("has a partly unused RI and one commitment ending within 60 days", () => {
    const ri = summary.find((m) => m.month === last && m.kind === "reserved_instance");
    expect(ri?.utilizationPct).toBe("66.67");
    expect(Number(ri?.unused)).toBeGreaterThan(0);
    const expiring = expiringCommitments(commitments.usage, now);
    expect(expiring.map((e) => [e.kind, e.window])).toEqual([["savings_plan", 60]]);
  });
});
