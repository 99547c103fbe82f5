import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import { failedStep, missingTags, pollDelays, resumeStep, vendingTags } from "./vending";

describe("account vending", () => {
  it("resumes at the first step that has not succeeded, and reports the failed one", () => {
    expect(resumeStep([])).toBe("create_account");
    const failedMove = [
      { step: "create_account", status: "ok" },
      { step: "wait_for_account", status: "ok" },
      { step: "move_account", status: "failed" },
    ] as const;
    expect(resumeStep(failedMove)).toBe("move_account");
    expect(failedStep(failedMove)).toBe("move_account");
    const retried = [...failedMove, { step: "move_account", status: "ok" } as const];
    expect(resumeStep(retried)).toBe("tag_account");
    expect(failedStep(retried)).toBeNull();
  });

  it("calls CreateAccount again after AWS reported the creation failed", () => {
    const records = [
      { step: "create_account", status: "ok" },
      { step: "create_account", status: "failed" },
    ] as const;
    expect(resumeStep(records)).toBe("create_account");
    expect(failedStep(records)).toBe("create_account");
  });

  it("is done when every step succeeded", () => {
    const all = [
      "create_account",
      "wait_for_account",
      "move_account",
      "tag_account",
      "create_budget",
    ];
    expect(resumeStep(all.map((step) => ({ step, status: "ok" as const })))).toBeNull();
  });

  it("tags with the keys of the settings and finds what is missing or different", () => {
    const tags = vendingTags(
      { name: "shop-test", owner: "o@example.com", costCenter: "CC-1", environment: "test" },
      { ...DEFAULT_SETTINGS, costCenterTagKey: "CostCenter" },
    );
    expect(tags).toEqual({
      owner: "o@example.com",
      project: "shop-test",
      CostCenter: "CC-1",
      environment: "test",
    });
    expect(missingTags(tags, { owner: "o@example.com", environment: "prod" })).toEqual({
      project: "shop-test",
      CostCenter: "CC-1",
      environment: "test",
    });
  });

  it("backs off, capped, for a bounded number of polls", () => {
    expect(pollDelays(6, 1_000, 10_000)).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
    expect(pollDelays().reduce((a, b) => a + b, 0)).toBeLessThan(15 * 60_000);
  });
});
