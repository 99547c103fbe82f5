import { describe, expect, it } from "vitest";
import type { TExceptionRuleInput } from "@/lib/api/exception-rules";
import { parseRulesYaml, stringifyRulesYaml } from "./rules-yaml";

const RULES: TExceptionRuleInput[] = [
  {
    name: "breakglass-roles",
    checkId: "IAM_ADMIN_ROLE_TRUST",
    accountId: "012345678901",
    ouId: null,
    resourcePattern: "arn:aws:iam::*:role/breakglass-*",
    reason: "Break-glass roles: reviewed quarterly by the security team.",
    owner: "security@example.com",
    expiresAt: new Date("2027-01-31T00:00:00.000Z"),
    reviewAt: null,
  },
  {
    name: "sandbox-ou",
    checkId: "IAM_LOCAL_USERS",
    accountId: null,
    ouId: "ou-root-sandbox",
    resourcePattern: null,
    reason: "Sandboxes are throw-away: # not a comment, 'quoted' and: colons",
    owner: "platform",
    expiresAt: null,
    reviewAt: new Date("2026-12-15T10:30:00.000Z"),
  },
  {
    name: "org.wide_1",
    checkId: "ORG_SCP_MISSING",
    accountId: null,
    ouId: null,
    resourcePattern: null,
    reason: "yes",
    owner: "123",
    expiresAt: new Date("2030-01-01T00:00:00.000Z"),
    reviewAt: null,
  },
];

describe("exception rules YAML", () => {
  it("round-trips: export then import gives the identical rules", () => {
    const text = stringifyRulesYaml(RULES);
    expect(text).toContain('account: "012345678901"');
    expect(text).toContain("expires: 2027-01-31");
    expect(parseRulesYaml(text)).toEqual({ ok: true, rules: RULES, lines: [4, 11, 17] });
  });

  it("reads bare account ids and days as text (leading zeros kept)", () => {
    const parsed = parseRulesYaml(
      [
        "version: 1",
        "rules:",
        "  - name: a",
        "    check: IAM_LOCAL_USERS",
        "    account: 012345678901",
        "    reason: because",
        "    owner: me",
        "    review: 2027-03-01",
      ].join("\n"),
    );
    expect(parsed).toMatchObject({
      ok: true,
      rules: [{ accountId: "012345678901", reviewAt: new Date("2027-03-01T00:00:00Z") }],
    });
  });

  it("an empty list is valid (import deletes every rule you manage)", () => {
    expect(parseRulesYaml("version: 1\nrules: []\n")).toEqual({ ok: true, rules: [], lines: [] });
    expect(parseRulesYaml("version: 1\nrules:\n")).toEqual({ ok: true, rules: [], lines: [] });
  });

  it("names the line, rule and field of every mistake", () => {
    const text = [
      "version: 1", // 1
      "rules:", // 2
      "  - name: good", // 3
      "    check: IAM_LOCAL_USERS", // 4
      "    reason: fine", // 5
      "    owner: me", // 6
      "    expires: 2027-01-01", // 7
      "  - name: bad-target", // 8
      "    check: IAM_LOCAL_USERS", // 9
      "    account: '12345'", // 10
      "    ou: ou-x", // 11
      "    reason: fine", // 12
      "    owner: me", // 13
      "    expires: 2027-01-01", // 14
      "    review: 2027-02-01", // 15
      "  - name: good", // 16
      "    check: IAM_LOCAL_USERS", // 17
      "    reason: fine", // 18
      "    owner: me", // 19
      "    expires: tomorrow", // 20
      "    colour: blue", // 21
    ].join("\n");
    const parsed = parseRulesYaml(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual(
      expect.arrayContaining([
        {
          line: 10,
          rule: "bad-target",
          field: "account",
          message: "An AWS account id has 12 digits.",
        },
        expect.objectContaining({ line: 14, rule: "bad-target", field: "expires" }),
        expect.objectContaining({
          line: 20,
          rule: "good",
          field: "expires",
          message: "Not a date (use YYYY-MM-DD).",
        }),
        expect.objectContaining({ line: 21, field: "colour" }),
      ]),
    );
  });

  it("reports a duplicate name and malformed YAML with its line", () => {
    const dup = parseRulesYaml(
      "version: 1\nrules:\n  - {name: a, check: X, reason: abc, owner: me, expires: 2027-01-01}\n  - {name: a, check: X, reason: abc, owner: me, expires: 2027-01-01}\n",
    );
    expect(dup).toEqual({
      ok: false,
      errors: [expect.objectContaining({ line: 4, rule: "a", field: "name" })],
    });
    const broken = parseRulesYaml("version: 1\nrules:\n  - name: a\n   check: [unclosed\n");
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    expect(broken.errors[0]?.line).toBeGreaterThanOrEqual(3);
    expect(parseRulesYaml("just text")).toMatchObject({ ok: false });
    expect(parseRulesYaml("version: 2\nrules: []")).toMatchObject({
      ok: false,
      errors: [{ line: 1, field: "version" }],
    });
  });
});
