import { describe, expect, it } from "vitest";
import { dedupeKey, matchesRule } from "./match-rule";

const f = {
  checkId: "IAM_LOCAL_USERS",
  category: "identity-access",
  severity: "high",
  ouPathIds: ["r-root", "ou-a", "ou-a-b"],
};
const any = { checkIds: [], categories: [], severities: [], ouIds: [] };

describe("matchesRule", () => {
  it.each([
    ["empty rule matches everything", any, true],
    ["check id", { ...any, checkIds: ["IAM_LOCAL_USERS"] }, true],
    ["other check id", { ...any, checkIds: ["ROOT_MFA"] }, false],
    ["category", { ...any, categories: ["identity-access"] }, true],
    ["severity miss", { ...any, severities: ["critical"] }, false],
    ["ancestor OU (subtree)", { ...any, ouIds: ["ou-a"] }, true],
    ["sibling OU", { ...any, ouIds: ["ou-z"] }, false],
    ["all filters must match", { ...any, severities: ["high"], ouIds: ["ou-z"] }, false],
  ])("%s", (_name, rule, expected) => {
    expect(matchesRule(rule, f)).toBe(expected);
  });

  it("a finding without OU never matches an OU rule", () => {
    expect(matchesRule({ ...any, ouIds: ["ou-a"] }, { ...f, ouPathIds: [] })).toBe(false);
  });
});

describe("dedupeKey", () => {
  it("differs per reopening", () => {
    expect(dedupeKey("fp", 0)).not.toBe(dedupeKey("fp", 1));
  });
});
