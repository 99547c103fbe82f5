import { describe, expect, it } from "vitest";
import {
  ACC,
  COLLECTED_AT,
  EXTERNAL_ACCOUNT,
  LAST_MONTH,
  OU,
  baselineSnapshot,
  settings,
} from "@/testing/checks/fixtures";
import type { TSnapshot } from "@/lib/domain/snapshot";
import {
  KPI,
  ORG_SCOPE,
  computeKpis,
  type TKpiFinding,
  type TKpiInput,
  type TKpiValue,
  type TLoginStat,
} from "./index";

const now = new Date(COLLECTED_AT);

function input(
  over: Partial<TKpiInput> = {},
  mutate: (s: TSnapshot) => void = () => undefined,
): TKpiInput {
  const snap = baselineSnapshot();
  mutate(snap);
  return {
    snap,
    settings,
    now,
    knownAccountIds: new Set(),
    openFindings: [],
    loginStats: [],
    budgets: [],
    creations: [],
    compliance: [],
    approvals: [],
    ...over,
  };
}

function kpi(values: TKpiValue[], kpiId: string, scopeId = ORG_SCOPE): TKpiValue {
  const found = values.find((v) => v.kpiId === kpiId && v.scopeId === scopeId);
  if (!found) throw new Error(`no ${kpiId} for ${scopeId}`);
  return found;
}

const finding = (over: Partial<TKpiFinding>): TKpiFinding => ({
  checkId: "IAM_LOCAL_USERS",
  category: "identity-access",
  severity: "high",
  accountId: ACC.dev,
  ouId: null,
  mutedUntil: null,
  excepted: false,
  stale: false,
  ...over,
});

describe("organization KPIs", () => {
  it("counts known accounts outside the organization against the managed share", () => {
    const v = computeKpis(
      input({ knownAccountIds: new Set([ACC.dev, EXTERNAL_ACCOUNT, "888888888888"]) }),
    );
    expect(kpi(v, KPI.ACCOUNTS_IN_ORG_PCT)).toMatchObject({
      numerator: "6.000000",
      denominator: "8.000000",
      value: "75.000000",
    });
  });

  it("measures member accounts under a logical OU, the management account aside", () => {
    const v = computeKpis(
      input({}, (s) => {
        for (const a of s.accounts) if (a.id === ACC.dev) a.parentId = OU.root;
      }),
    );
    expect(kpi(v, KPI.ACCOUNTS_IN_OU_PCT)).toMatchObject({
      numerator: "4.000000",
      denominator: "5.000000",
      value: "80.000000",
    });
  });
});

describe("access KPIs", () => {
  const stats: TLoginStat[] = [
    {
      accountId: ACC.prod,
      byIdentityType: { AssumedRole: 30, SAMLUser: 5, IAMUser: 5, Root: 1 },
      longTermKeysInUse: 1,
      temporaryKeysInUse: 9,
    },
    {
      accountId: ACC.dev,
      byIdentityType: { FederatedUser: 10, IAMUser: 10 },
      longTermKeysInUse: null,
      temporaryKeysInUse: null,
    },
  ];

  it("compares role sessions with IAM-user console logins, per scope", () => {
    const v = computeKpis(input({ loginStats: stats }));
    expect(kpi(v, KPI.ROLE_BASED_LOGINS_PCT)).toMatchObject({
      numerator: "45.000000",
      denominator: "60.000000",
      value: "75.000000",
    });
    expect(kpi(v, KPI.ROLE_BASED_LOGINS_PCT, OU.prod)).toMatchObject({ value: "87.500000" });
    expect(kpi(v, KPI.ROLE_BASED_LOGINS_PCT, OU.workloads).denominator).toBe("60.000000");
    expect(kpi(v, KPI.ROLE_BASED_LOGINS_PCT, OU.security).value).toBeNull();
  });

  it("compares temporary with long-term keys only where known", () => {
    const v = computeKpis(input({ loginStats: stats }));
    expect(kpi(v, KPI.TEMPORARY_KEYS_PCT)).toMatchObject({
      numerator: "9.000000",
      denominator: "10.000000",
      value: "90.000000",
    });
    expect(kpi(v, KPI.TEMPORARY_KEYS_PCT, OU.sdlc).value).toBeNull();
  });
});

describe("open-findings KPIs", () => {
  it("counts by severity and scope, segregation including organization findings", () => {
    const v = computeKpis(
      input({
        openFindings: [
          finding({}),
          finding({ severity: "critical", accountId: ACC.prod }),
          finding({ checkId: "ENV_SEGREGATION", category: "segregation", severity: "medium" }),
          finding({
            checkId: "GUARDRAIL_SCP_BASELINE",
            category: "organization",
            accountId: null,
            ouId: OU.sdlc,
          }),
          finding({
            checkId: "ORG_OU_STRUCTURE",
            category: "organization",
            severity: "info",
            accountId: null,
          }),
          finding({ checkId: "TAG_POLICY", category: "cost-tagging", severity: "low" }),
        ],
      }),
    );
    expect(kpi(v, KPI.OPEN_FINDINGS_ACCESS)).toMatchObject({
      value: "2.000000",
      detail: { high: 1, critical: 1 },
    });
    expect(kpi(v, KPI.OPEN_FINDINGS_ACCESS, OU.sdlc)).toMatchObject({ value: "1.000000" });
    expect(kpi(v, KPI.OPEN_FINDINGS_SEGREGATION)).toMatchObject({
      value: "3.000000",
      detail: { medium: 1, high: 1, info: 1 },
    });
    expect(kpi(v, KPI.OPEN_FINDINGS_SEGREGATION, OU.workloads)).toMatchObject({
      value: "2.000000",
    });
    expect(kpi(v, KPI.OPEN_FINDINGS_SEGREGATION, OU.prod)).toMatchObject({ value: "0.000000" });
  });

  it.each([
    {
      name: "muted until later: listed, not counted",
      mutedUntil: new Date("2026-04-01T00:00:00Z"),
      counted: 0,
      muted: 1,
    },
    {
      name: "mute expired: counted again",
      mutedUntil: new Date("2026-03-01T00:00:00Z"),
      counted: 1,
      muted: 0,
    },
    { name: "mute expiring exactly now: counted", mutedUntil: now, counted: 1, muted: 0 },
    { name: "never muted: counted", mutedUntil: null, counted: 1, muted: 0 },
  ])("$name", ({ mutedUntil, counted, muted }) => {
    const v = computeKpis(input({ openFindings: [finding({ mutedUntil })] }));
    expect(kpi(v, KPI.OPEN_FINDINGS_ACCESS)).toMatchObject({
      value: `${counted}.000000`,
      detail: { muted },
    });
  });

  it("does not count a finding an exception rule covers, and counts its look-alike", () => {
    const v = computeKpis(
      input({
        openFindings: [finding({ excepted: true }), finding({ excepted: false, severity: "low" })],
      }),
    );
    expect(kpi(v, KPI.OPEN_FINDINGS_ACCESS)).toMatchObject({
      value: "1.000000",
      detail: { excepted: 1, low: 1, high: 0 },
    });
  });

  it("keeps counting stale findings, so a failed audit does not lower the count", () => {
    const v = computeKpis(input({ openFindings: [finding({ stale: true })] }));
    expect(kpi(v, KPI.OPEN_FINDINGS_ACCESS)).toMatchObject({
      value: "1.000000",
      detail: { stale: 1 },
    });
  });
});

describe("cost KPIs", () => {
  it("measures the untagged share of last month's spend", () => {
    const v = computeKpis(
      input({}, (s) => {
        s.costs.byTag.push({
          accountId: ACC.prod,
          month: LAST_MONTH,
          tagKey: "cost-center",
          tagValue: "",
          unblended: "600",
          amortized: "600",
          net: "600",
          estimated: false,
        });
      }),
    );
    expect(kpi(v, KPI.UNTAGGED_SPEND_PCT)).toMatchObject({
      numerator: "600.000000",
      denominator: "1200.000000",
      value: "50.000000",
      detail: { month: LAST_MONTH, estimated: false },
    });
    expect(kpi(v, KPI.UNTAGGED_SPEND_PCT, OU.prod).value).toBe("85.714286");
  });

  it("reports management-account workload spend and spend over budget", () => {
    const v = computeKpis(
      input(
        {
          budgets: [
            { accountId: ACC.prod, name: "shop", limit: "1000", actual: "1250.50" },
            { accountId: ACC.dev, name: "dev", limit: "500", actual: "100" },
          ],
        },
        (s) => {
          s.costs.monthly.push({
            accountId: ACC.mgmt,
            month: LAST_MONTH,
            service: "Amazon Elastic Compute Cloud - Compute",
            unblended: "42.10",
            amortized: "42.10",
            net: "42.10",
            estimated: false,
          });
        },
      ),
    );
    expect(kpi(v, KPI.MGMT_WORKLOAD_SPEND).value).toBe("42.100000");
    expect(kpi(v, KPI.SPEND_OVER_BUDGET)).toMatchObject({
      value: "250.500000",
      denominator: "1500.000000",
      detail: { budgets: 2, budgetsOver: 1 },
    });
    expect(kpi(v, KPI.SPEND_OVER_BUDGET, OU.sdlc).value).toBe("0.000000");
  });
});

it("reports every per-OU KPI for every OU but Root", () => {
  const v = computeKpis(input());
  const scopes = new Set(
    v.filter((x) => x.kpiId === KPI.OPEN_FINDINGS_ACCESS).map((x) => x.scopeId),
  );
  expect(scopes).toEqual(
    new Set([
      ORG_SCOPE,
      OU.security,
      OU.infra,
      OU.workloads,
      OU.prod,
      OU.sdlc,
      OU.sandbox,
      OU.suspended,
    ]),
  );
});

describe("commitment KPIs", () => {
  const commitments = {
    month: LAST_MONTH,
    coverage: [
      { accountId: ACC.prod, covered: "700", total: "1000" },
      { accountId: ACC.dev, covered: "0", total: "500" },
    ],
    usage: [
      { accountId: ACC.mgmt, commitment: "730", used: "700.25" },
      { accountId: ACC.prod, commitment: "450", used: "300" },
    ],
  };

  it("measures Savings Plans coverage of eligible spend and commitment utilization, per owning account's scopes", () => {
    const v = computeKpis(input({ commitments }));
    expect(kpi(v, KPI.COMMITMENT_COVERAGE_PCT)).toMatchObject({
      value: "46.666667",
      numerator: "700.000000",
      denominator: "1500.000000",
      detail: { month: LAST_MONTH },
    });
    expect(kpi(v, KPI.COMMITMENT_COVERAGE_PCT, OU.prod).value).toBe("70.000000");
    expect(kpi(v, KPI.COMMITMENT_COVERAGE_PCT, OU.sdlc).value).toBe("0.000000");
    expect(kpi(v, KPI.COMMITMENT_UTILIZATION_PCT)).toMatchObject({
      numerator: "1000.250000",
      denominator: "1180.000000",
      detail: { commitments: 2 },
    });
    // The plan bought by the management account counts in the org only, not in prod's subtree.
    expect(kpi(v, KPI.COMMITMENT_UTILIZATION_PCT, OU.prod).value).toBe("66.666667");
  });

  it("reports nothing to measure (null, not 0%) without commitment data", () => {
    const v = computeKpis(input());
    expect(kpi(v, KPI.COMMITMENT_COVERAGE_PCT).value).toBeNull();
    expect(kpi(v, KPI.COMMITMENT_UTILIZATION_PCT).value).toBeNull();
  });
});
