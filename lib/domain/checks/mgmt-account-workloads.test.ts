import { describe, expect, it } from "vitest";
import type { TSnapshot } from "@/lib/domain/snapshot";
import { lastFullMonth } from "./costs";
import { MGMT_ACCOUNT_WORKLOADS, mgmtAccountWorkloads } from "./mgmt-account-workloads";
import {
  ACC,
  CURRENT_MONTH,
  LAST_MONTH,
  baselineSnapshot,
  findingsOf,
} from "@/testing/checks/fixtures";

const spend = (
  s: TSnapshot,
  service: string,
  amount: string,
  month = LAST_MONTH,
  estimated = false,
) => {
  s.costs.monthly.push({
    accountId: ACC.mgmt,
    month,
    service,
    unblended: amount,
    amortized: amount,
    net: amount,
    estimated,
  });
};

describe(MGMT_ACCOUNT_WORKLOADS, () => {
  it.each([
    { name: "governance services only: pass", mutate: () => undefined, expected: null },
    {
      name: "EC2 and RDS above the threshold",
      mutate: (s: TSnapshot) => (
        spend(s, "Amazon Elastic Compute Cloud - Compute", "80"),
        spend(s, "Amazon Relational Database Service", "60")
      ),
      expected: "140.00",
    },
    {
      name: "workloads at the threshold: pass",
      mutate: (s: TSnapshot) => spend(s, "Amazon Elastic Container Service", "100"),
      expected: null,
    },
    {
      name: "large non-workload spend (Support, Tax): pass",
      mutate: (s: TSnapshot) => (spend(s, "AWS Support (Business)", "900"), spend(s, "Tax", "300")),
      expected: null,
    },
    {
      name: "workloads only in the estimated current month: pass",
      mutate: (s: TSnapshot) =>
        spend(s, "Amazon Elastic Compute Cloud - Compute", "5000", CURRENT_MONTH, true),
      expected: null,
    },
    {
      name: "last month still estimated: the last final month is judged",
      mutate: (s: TSnapshot) => {
        s.costs.months.unshift("2026-01-01");
        spend(s, "Amazon Simple Storage Service", "300", "2026-01-01");
        spend(s, "Amazon Elastic Compute Cloud - Compute", "5000", LAST_MONTH, true);
      },
      expected: "300.00",
    },
  ])("$name", ({ mutate, expected }) => {
    const findings = findingsOf(mgmtAccountWorkloads, mutate);
    expect(findings.map((f) => f.evidence.workloadSpend)).toEqual(expected ? [expected] : []);
    for (const f of findings) expect(f.accountId).toBe(ACC.mgmt);
  });
});

describe("lastFullMonth", () => {
  it("skips the open month", () => {
    expect(lastFullMonth(baselineSnapshot())).toEqual({ month: LAST_MONTH, estimated: false });
  });

  it("uses an estimated month, flagged, when no final month exists", () => {
    const s = baselineSnapshot();
    for (const c of s.costs.monthly) c.estimated = true;
    expect(lastFullMonth(s)).toEqual({ month: LAST_MONTH, estimated: true });
  });

  it("returns null without a past month", () => {
    const s = baselineSnapshot();
    s.costs.months = [CURRENT_MONTH];
    expect(lastFullMonth(s)).toBeNull();
  });

  it("flags estimated evidence when it had to use an estimated month", () => {
    const findings = findingsOf(mgmtAccountWorkloads, (s) => {
      for (const c of s.costs.monthly) c.estimated = true;
      spend(s, "Amazon Elastic Compute Cloud - Compute", "500", LAST_MONTH, true);
    });
    expect(findings[0]?.evidence).toMatchObject({ month: LAST_MONTH, estimated: true });
    expect(findings[0]?.message).toMatch(/estimated/);
  });
});
