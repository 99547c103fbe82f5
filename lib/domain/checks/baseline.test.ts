import { describe, expect, it } from "vitest";
import { ALL_CHECKS, runChecks } from "./index";
import { baselineSnapshot, checkContext, settings } from "@/testing/checks/fixtures";

describe("the compliant fixture", () => {
  it("raises no finding", () => {
    expect(runChecks(baselineSnapshot(), settings, checkContext())).toEqual([]);
  });

  it("registers each check once, with a stable upper-snake id", () => {
    const ids = ALL_CHECKS.map((c) => c.definition.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(21);
    for (const id of ids) expect(id).toMatch(/^[A-Z][A-Z_]+$/);
  });
});
