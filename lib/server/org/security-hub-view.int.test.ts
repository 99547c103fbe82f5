import { describe, expect, it } from "vitest";
import { runCollection } from "@/lib/collect/run";
import { evaluateRun } from "@/lib/collect/evaluate";
import { ACC, OU, auditOf, baselineSnapshot } from "@/testing/checks/fixtures";
import { resolvePeriod } from "@/lib/domain/org/period";
import { useTestDatabase } from "@/testing/db";
import { getAccount } from "@/lib/server/accounts/get-account";
import { getOverview } from "@/lib/server/overview/get-overview";
import { getOuTree } from "./get-ou-tree";

const FSBP =
  "arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0";
const CIS = "arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/3.0.0";
const counts = (critical: number, high: number, medium: number) => ({
  critical,
  high,
  medium,
  low: 1,
});

describe("Security Hub per account, per OU and on the overview, in scope", () => {
  const t = useTestDatabase(async (db, url) => {
    const snap = baselineSnapshot();
    for (const a of snap.audits)
      a.securityHub = { enabled: true, findings: counts(0, 0, 0), standards: [FSBP] };
    auditOf(snap, ACC.prod).securityHub = {
      enabled: true,
      findings: counts(2, 3, 4),
      standards: [CIS, FSBP],
    };
    auditOf(snap, ACC.dev).securityHub = {
      enabled: false,
      findings: counts(0, 1, 5),
      standards: [],
    };
    auditOf(snap, ACC.security).securityHub = {
      enabled: true,
      findings: counts(1, 0, 0),
      standards: null,
    };
    const run = await runCollection(db, url, {
      source: "demo",
      produce: () => Promise.resolve(snap),
      evaluate: evaluateRun,
    });
    expect(run.status).toBe("succeeded");
  });
  const period = () => {
    const p = resolvePeriod({}, new Date());
    if (!p.ok) throw new Error(p.error);
    return p.period;
  };

  it("shows an account's counts and standards, unknown standards as null", async () => {
    expect((await getAccount(t.db, { ouIds: null }, ACC.prod))?.securityHub).toEqual({
      enabled: true,
      critical: 2,
      high: 3,
      medium: 4,
      low: 1,
      standards: [CIS, FSBP],
    });
    expect(
      (await getAccount(t.db, { ouIds: null }, ACC.security))?.securityHub?.standards,
    ).toBeNull();
  });

  it("rolls the accounts up into every OU on their path", async () => {
    const tree = await getOuTree(t.db, { ouIds: null }, period());
    const hubOf = (id: string) => tree.nodes.find((n) => n.id === id)?.securityHub;
    expect(hubOf(OU.workloads)).toEqual({
      accounts: 2,
      enabledAccounts: 1,
      critical: 2,
      high: 4,
      medium: 9,
      standards: [
        { arn: FSBP, accounts: 1 },
        { arn: CIS, accounts: 1 },
      ],
    });
    expect(hubOf(OU.root)).toMatchObject({
      accounts: 6,
      enabledAccounts: 5,
      critical: 3,
      high: 4,
      medium: 9,
    });
    expect(hubOf(ACC.dev)).toEqual({
      accounts: 1,
      enabledAccounts: 0,
      critical: 0,
      high: 1,
      medium: 5,
      standards: [],
    });
    expect(hubOf(OU.sandbox)).toBeNull();
  });

  it("counts only the caller's subtree on the overview", async () => {
    expect((await getOverview(t.db, { ouIds: null })).securityHub).toMatchObject({
      accounts: 6,
      critical: 3,
      high: 4,
      medium: 9,
    });
    expect((await getOverview(t.db, { ouIds: [OU.sdlc] })).securityHub).toEqual({
      accounts: 1,
      enabledAccounts: 0,
      critical: 0,
      high: 1,
      medium: 5,
      standards: [],
    });
    const scopedTree = await getOuTree(t.db, { ouIds: [OU.prod] }, period());
    expect(scopedTree.nodes.map((n) => n.securityHub?.critical)).toEqual([2, 2]);
  });
});
