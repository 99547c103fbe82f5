import { describe, expect, it } from "vitest";
import { nestsDeeperThan } from "./json";

describe("nestsDeeperThan", () => {
  it("measures nesting without recursion, so a hostile document cannot overflow the stack", () => {
    const deep: unknown = JSON.parse(`${"[".repeat(200_000)}${"]".repeat(200_000)}`);
    expect(nestsDeeperThan(deep, 32)).toBe(true);
    // The look-alike: a CloudTrail detail's ordinary depth passes.
    const detail = {
      requestParameters: { policyDocument: { Statement: [{ Condition: { a: 1 } }] } },
    };
    expect(nestsDeeperThan(detail, 32)).toBe(false);
    // Six levels of objects and arrays: not deeper than six, deeper than five.
    expect(nestsDeeperThan(detail, 6)).toBe(false);
    expect(nestsDeeperThan(detail, 5)).toBe(true);
    expect(nestsDeeperThan("text", 0)).toBe(false);
  });
});
