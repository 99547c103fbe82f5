import { describe, expect, it } from "vitest";
import {
  exceptingRule,
  ruleMatches,
  ruleState,
  sortRules,
  type TExceptableFinding,
  type TExceptionRuleMatch,
} from "./match";

const NOW = new Date("2026-06-01T00:00:00Z");
const DAY = 86_400_000;
// root > ou-eng > ou-eng-prod; root > ou-sales
const OU_OF_ACCOUNT: Record<string, string[]> = {
  "111111111111": ["r-root", "ou-eng", "ou-eng-prod"],
  "222222222222": ["r-root", "ou-sales"],
};
const OU_PATH: Record<string, string[]> = { "ou-eng-prod": ["r-root", "ou-eng", "ou-eng-prod"] };
const ancestry = (f: TExceptableFinding) =>
  f.accountId !== null
    ? (OU_OF_ACCOUNT[f.accountId] ?? [])
    : f.ouId !== null
      ? (OU_PATH[f.ouId] ?? [])
      : [];

const rule = (over: Partial<TExceptionRuleMatch> = {}): TExceptionRuleMatch => ({
  id: "r1",
  name: "rule",
  checkId: "IAM_ROOT_KEYS",
  accountId: null,
  ouId: null,
  resourcePattern: null,
  expiresAt: null,
  ...over,
});
const finding = (over: Partial<TExceptableFinding> = {}): TExceptableFinding => ({
  checkId: "IAM_ROOT_KEYS",
  accountId: "111111111111",
  ouId: "ou-eng-prod",
  resource: "arn:aws:iam::111111111111:role/breakglass-ops",
  ...over,
});
const matches = (r: TExceptionRuleMatch, f: TExceptableFinding, now = NOW) =>
  ruleMatches(r, f, ancestry, now);

describe("ruleMatches", () => {
  it("matches its check and not another check's finding", () => {
    expect(matches(rule(), finding())).toBe(true);
    expect(matches(rule(), finding({ checkId: "IAM_USER_MFA" }))).toBe(false);
  });

  it("an account rule matches that account only", () => {
    const r = rule({ accountId: "111111111111" });
    expect(matches(r, finding())).toBe(true);
    expect(matches(r, finding({ accountId: "222222222222", ouId: "ou-sales" }))).toBe(false);
    expect(matches(r, finding({ accountId: null, ouId: null }))).toBe(false);
  });

  it("an OU rule matches its whole subtree and nothing outside it", () => {
    const r = rule({ ouId: "ou-eng" });
    expect(matches(r, finding())).toBe(true);
    expect(matches(r, finding({ accountId: null, ouId: "ou-eng-prod" }))).toBe(true);
    expect(matches(r, finding({ accountId: "222222222222", ouId: "ou-sales" }))).toBe(false);
    // Organization-wide findings are about every OU: an OU rule does not cover them.
    expect(matches(r, finding({ accountId: null, ouId: null }))).toBe(false);
    // A sibling name that merely starts the same is not the subtree.
    expect(matches(rule({ ouId: "ou-eng-p" }), finding())).toBe(false);
  });

  it("an organization-wide rule matches every finding of its check", () => {
    expect(matches(rule(), finding({ accountId: "222222222222" }))).toBe(true);
    expect(matches(rule(), finding({ accountId: null, ouId: null }))).toBe(true);
  });

  it("a resource glob matches its resources and not one that almost matches", () => {
    const r = rule({ resourcePattern: "arn:aws:iam::*:role/breakglass-*" });
    expect(matches(r, finding())).toBe(true);
    expect(matches(r, finding({ resource: "arn:aws:iam::111111111111:role/breakglass" }))).toBe(
      false,
    );
    expect(matches(r, finding({ resource: "arn:aws:iam::111111111111:role/admin" }))).toBe(false);
  });

  it("lapses at its expiry", () => {
    const r = rule({ expiresAt: new Date(NOW.getTime() + DAY) });
    expect(matches(r, finding())).toBe(true);
    expect(matches(r, finding(), new Date(NOW.getTime() + DAY - 1))).toBe(true);
    expect(matches(r, finding(), new Date(NOW.getTime() + DAY))).toBe(false);
    expect(matches(r, finding(), new Date(NOW.getTime() + 2 * DAY))).toBe(false);
  });
});

describe("exceptingRule", () => {
  it("picks the narrowest matching rule, then the name", () => {
    const rules = sortRules([
      rule({ id: "org", name: "a-org" }),
      rule({ id: "ou", name: "b-ou", ouId: "ou-eng" }),
      rule({ id: "acct", name: "c-acct", accountId: "111111111111" }),
    ]);
    expect(exceptingRule(rules, finding(), ancestry, NOW)?.id).toBe("acct");
    expect(
      exceptingRule(rules, finding({ accountId: "222222222222", ouId: "ou-sales" }), ancestry, NOW)
        ?.id,
    ).toBe("org");
    expect(exceptingRule(rules, finding({ checkId: "OTHER" }), ancestry, NOW)).toBeNull();
  });
});

describe("ruleState", () => {
  it("flags expiring rules within 30 days and shows expired ones as lapsed", () => {
    const at = (days: number) => new Date(NOW.getTime() + days * DAY);
    expect(ruleState({ expiresAt: at(31), reviewAt: null }, NOW)).toBe("active");
    expect(ruleState({ expiresAt: at(30), reviewAt: null }, NOW)).toBe("expiring");
    expect(ruleState({ expiresAt: at(0), reviewAt: null }, NOW)).toBe("lapsed");
    expect(ruleState({ expiresAt: at(-5), reviewAt: null }, NOW)).toBe("lapsed");
  });

  it("a review date never lapses the rule; it is flagged when due", () => {
    const at = (days: number) => new Date(NOW.getTime() + days * DAY);
    expect(ruleState({ expiresAt: null, reviewAt: at(90) }, NOW)).toBe("active");
    expect(ruleState({ expiresAt: null, reviewAt: at(10) }, NOW)).toBe("review-due");
    expect(ruleState({ expiresAt: null, reviewAt: at(-10) }, NOW)).toBe("review-due");
    expect(matches(rule({ expiresAt: null }), finding(), at(400))).toBe(true);
  });
});
