import { describe, expect, it } from "vitest";
import type { TSnapshot } from "@/lib/domain/snapshot";
import { BUDGET_VARIANCE, budgetVariance } from "./budget-variance";
import { TAG_POLICY, tagPolicy } from "./tag-policy";
import { ACC, CURRENT_MONTH, LAST_MONTH, auditOf, findingsOf } from "@/testing/checks/fixtures";

const untagged = (
  s: TSnapshot,
  accountId: string,
  amount: string,
  month = LAST_MONTH,
  estimated = false,
) => {
  s.costs.byTag.push({
    accountId,
    month,
    tagKey: "cost-center",
    tagValue: "",
    unblended: amount,
    amortized: amount,
    net: amount,
    estimated,
  });
};

describe(TAG_POLICY, () => {
  it.each([
    { name: "all tags, all spend tagged: pass", mutate: () => undefined, expected: [] },
    {
      name: "missing owner and cost-center",
      mutate: (s: TSnapshot) => {
        const a = s.accounts.find((x) => x.id === ACC.dev);
        if (a) a.tags = { project: "shop", environment: "dev", owner: "  " };
      },
      expected: [`${ACC.dev}||low`],
    },
    {
      name: "untagged share above 20%",
      mutate: (s: TSnapshot) => untagged(s, ACC.prod, "30.00"),
      expected: [`${ACC.prod}||medium`],
    },
    {
      name: "untagged share at 20%: pass",
      mutate: (s: TSnapshot) => untagged(s, ACC.prod, "25.00"),
      expected: [],
    },
    {
      name: "untagged spend only in the open month: pass",
      mutate: (s: TSnapshot) => untagged(s, ACC.prod, "999.00", CURRENT_MONTH, true),
      expected: [],
    },
    {
      name: "no cost-by-tag data collected: nothing to judge",
      mutate: (s: TSnapshot) => {
        s.costs.tagKeys = [];
        untagged(s, ACC.prod, "999.00");
      },
      expected: [],
    },
  ])("$name", ({ mutate, expected }) => {
    expect(
      findingsOf(tagPolicy, mutate).map((f) => `${f.accountId}|${f.resource}|${f.severity}`),
    ).toEqual(expected);
  });

  it("reports the share in the evidence", () => {
    const [f] = findingsOf(tagPolicy, (s) => untagged(s, ACC.prod, "100.00"));
    expect(f?.evidence.untaggedSpend).toMatchObject({
      tagKey: "cost-center",
      untagged: "100.00",
      total: "200.00",
      share: 0.5,
      month: LAST_MONTH,
      estimated: false,
    });
  });

  it("reports missing tags and untagged spend of one account as one finding", () => {
    const findings = findingsOf(tagPolicy, (s) => {
      const a = s.accounts.find((x) => x.id === ACC.prod);
      if (a) delete a.tags["cost-center"];
      untagged(s, ACC.prod, "300.00");
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      resource: "",
      severity: "medium",
      evidence: { missingTags: ["cost-center"] },
    });
  });
});

describe(BUDGET_VARIANCE, () => {
  const withBudget =
    (actual: string | null, forecast: string | null, linkedAccountIds: string[] = []) =>
    (s: TSnapshot) => {
      auditOf(s, ACC.mgmt).budgets = [
        {
          name: "org-monthly",
          limit: "1000",
          timeUnit: "MONTHLY",
          actual,
          forecast,
          linkedAccountIds,
        },
      ];
    };
  it.each([
    { name: "under budget: pass", mutate: withBudget("500", "900"), expected: [] },
    {
      name: "forecast within the 10% tolerance: pass",
      mutate: withBudget("500", "1100"),
      expected: [],
    },
    {
      name: "forecast 20% over: medium",
      mutate: withBudget("500", "1200"),
      expected: [{ severity: "medium", basis: "forecast" }],
    },
    {
      name: "actual 15% over: high",
      mutate: withBudget("1150", "1500"),
      expected: [{ severity: "high", basis: "actual" }],
    },
    { name: "no actual, no forecast: pass", mutate: withBudget(null, null), expected: [] },
  ])("$name", ({ mutate, expected }) => {
    const findings = findingsOf(budgetVariance, mutate);
    expect(findings.map((f) => ({ severity: f.severity, basis: f.evidence.basis }))).toEqual(
      expected,
    );
    for (const f of findings) expect(f.resource).toBe("budget:org-monthly");
  });

  it.each([
    {
      name: "a management-account budget filtered to one account: on that account",
      linked: [ACC.dev],
      expected: [[ACC.dev, `budget:${ACC.mgmt}/org-monthly`]],
    },
    {
      name: "filtered to two accounts: one finding on each",
      linked: [ACC.dev, ACC.prod],
      expected: [
        [ACC.dev, `budget:${ACC.mgmt}/org-monthly`],
        [ACC.prod, `budget:${ACC.mgmt}/org-monthly`],
      ],
    },
    {
      name: "look-alike, without a filter: on its own account",
      linked: [],
      expected: [[ACC.mgmt, "budget:org-monthly"]],
    },
    {
      name: "look-alike, filtered to an account outside the organization: on its own account",
      linked: ["999999999999"],
      expected: [[ACC.mgmt, "budget:org-monthly"]],
    },
  ])("$name", ({ linked, expected }) => {
    const findings = findingsOf(budgetVariance, withBudget("1150", null, linked));
    expect(findings.map((f) => [f.accountId, f.resource])).toEqual(expected);
    for (const f of findings) expect(f.evidence).toMatchObject({ budgetAccountId: ACC.mgmt });
  });
});
