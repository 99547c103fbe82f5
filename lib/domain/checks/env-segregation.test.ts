import { describe, expect, it } from "vitest";
import type { TSnapshot } from "@/lib/domain/snapshot";
import { ENV_SEGREGATION, envSegregation } from "./env-segregation";
import { ACC, LAST_MONTH, OU, findingsOf } from "@/testing/checks/fixtures";

const account = (s: TSnapshot, id: string) => {
  const a = s.accounts.find((x) => x.id === id);
  if (!a) throw new Error(id);
  return a;
};
const envSpend = (
  s: TSnapshot,
  accountId: string,
  tagValue: string,
  amount: string,
  month = LAST_MONTH,
) => {
  s.costs.byTag.push({
    accountId,
    month,
    tagKey: "environment",
    tagValue,
    unblended: amount,
    amortized: amount,
    net: amount,
    estimated: false,
  });
};

describe(ENV_SEGREGATION, () => {
  const cases: {
    name: string;
    mutate: (s: TSnapshot) => void;
    expected: { accountId: string; resource: string; severity: string }[];
  }[] = [
    { name: "one environment per account: pass", mutate: () => undefined, expected: [] },
    {
      name: "prod and dev spend in one account: high",
      mutate: (s) => envSpend(s, ACC.prod, "dev", "50.00"),
      expected: [{ accountId: ACC.prod, resource: "", severity: "high" }],
    },
    {
      name: "dev and test spend in one account: medium",
      mutate: (s) => envSpend(s, ACC.dev, "test", "30.00"),
      expected: [{ accountId: ACC.dev, resource: "", severity: "medium" }],
    },
    {
      name: "a second value below the minimum share: pass",
      mutate: (s) => envSpend(s, ACC.prod, "dev", "1.00"),
      expected: [],
    },
    {
      name: "untagged spend is not an environment: pass",
      mutate: (s) => envSpend(s, ACC.prod, "", "500.00"),
      expected: [],
    },
    {
      name: "a second value only in the open month: pass",
      mutate: (s) => envSpend(s, ACC.prod, "dev", "500.00", "2026-03-01"),
      expected: [],
    },
    {
      name: "prod-tagged account under SDLC: high",
      mutate: (s) => {
        account(s, ACC.prod).parentId = OU.sdlc;
      },
      expected: [{ accountId: ACC.prod, resource: "", severity: "high" }],
    },
    {
      name: "dev-tagged account in a sandbox OU: medium",
      mutate: (s) => {
        account(s, ACC.dev).parentId = OU.sandbox;
      },
      expected: [{ accountId: ACC.dev, resource: "", severity: "medium" }],
    },
    {
      name: "OU environment tag overrides its name",
      mutate: (s) => {
        const ou = s.orgUnits.find((o) => o.id === OU.sdlc);
        if (ou) ou.tags = { environment: "production" };
      },
      expected: [{ accountId: ACC.dev, resource: "", severity: "high" }],
    },
    {
      name: "no environment anywhere: low",
      mutate: (s) => {
        delete account(s, ACC.security).tags.environment;
        s.costs.byTag = s.costs.byTag.filter(
          (r) => !(r.accountId === ACC.security && r.tagKey === "environment"),
        );
      },
      expected: [{ accountId: ACC.security, resource: "", severity: "low" }],
    },
    {
      name: "untagged account in an environment OU: pass (the OU says it)",
      mutate: (s) => {
        delete account(s, ACC.dev).tags.environment;
      },
      expected: [],
    },
  ];

  it("reports several problems of one account as one finding, at the worst severity", () => {
    const findings = findingsOf(envSegregation, (s) => {
      envSpend(s, ACC.dev, "test", "30.00");
      account(s, ACC.dev).parentId = OU.prod;
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: "high",
      evidence: {
        problems: [
          expect.stringMatching(/carries/),
          expect.stringMatching(/Root\/Workloads\/Prod/),
        ],
      },
    });
  });

  it.each(cases)("$name", ({ mutate, expected }) => {
    const findings = findingsOf(envSegregation, mutate);
    expect(
      findings.map((f) => ({ accountId: f.accountId, resource: f.resource, severity: f.severity })),
    ).toEqual(expected);
  });
});
