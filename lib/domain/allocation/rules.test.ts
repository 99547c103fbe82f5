import { describe, expect, it } from "vitest";
import { ZRuleDraft, ruleAppliesTo, ruleKeyFromName, ruleMatches, rulesForMonth } from "./rules";

describe("rules", () => {
  it("validates a draft: a source, unique targets, fixed percentages adding to 100", () => {
    const ok = {
      name: "Support",
      sourceServices: ["AWS Support (Business)"],
      method: "fixed",
      targets: [
        { kind: "ou", id: "ou-1", percent: 33.33 },
        { kind: "ou", id: "ou-2", percent: 66.67 },
      ],
    };
    expect(ZRuleDraft.safeParse(ok).success).toBe(true);
    expect(ZRuleDraft.safeParse({ ...ok, sourceServices: [] }).success).toBe(false);
    expect(
      ZRuleDraft.safeParse({
        ...ok,
        targets: [
          { kind: "ou", id: "ou-1", percent: 50 },
          { kind: "ou", id: "ou-2", percent: 49.99 },
        ],
      }).success,
    ).toBe(false);
    expect(
      ZRuleDraft.safeParse({
        ...ok,
        method: "even",
        targets: [
          { kind: "ou", id: "ou-1" },
          { kind: "ou", id: "ou-1" },
        ],
      }).success,
    ).toBe(false);
    expect(ZRuleDraft.safeParse({ ...ok, sourceAccounts: ["12345"] }).success).toBe(false);
  });

  it("matches accounts and services, both when both are given", () => {
    expect(ruleMatches({ sourceAccounts: ["1"], sourceServices: [] }, "1", "EC2")).toBe(true);
    expect(ruleMatches({ sourceAccounts: [], sourceServices: ["Support"] }, "9", "Support")).toBe(
      true,
    );
    expect(
      ruleMatches({ sourceAccounts: ["1"], sourceServices: ["Support"] }, "2", "Support"),
    ).toBe(false);
    expect(ruleMatches({ sourceAccounts: [], sourceServices: [] }, "1", "EC2")).toBe(false);
  });

  it("applies versions to their months (inclusive), in rule-key order", () => {
    const v = (ruleKey: string, validFrom: string, validTo: string | null) => ({
      ruleKey,
      validFrom,
      validTo,
      version: 1,
      name: ruleKey,
      sourceAccounts: ["1"],
      sourceServices: [],
      method: "even" as const,
      targets: [],
    });
    expect(ruleAppliesTo(v("a", "2026-02-01", "2026-03-01"), "2026-03-01")).toBe(true);
    expect(ruleAppliesTo(v("a", "2026-02-01", "2026-03-01"), "2026-04-01")).toBe(false);
    expect(ruleAppliesTo(v("a", "2026-02-01", "2026-01-01"), "2026-02-01")).toBe(false);
    expect(
      rulesForMonth(
        [v("b", "2026-01-01", null), v("a", "2026-01-01", null), v("c", "2027-01-01", null)],
        "2026-05-01",
      ).map((r) => r.ruleKey),
    ).toEqual(["a", "b"]);
  });

  it("derives keys from names", () => {
    expect(ruleKeyFromName("Shared network (VPC) → all")).toBe("shared-network-vpc-all");
    expect(ruleKeyFromName("***")).toBe("rule");
  });
});
