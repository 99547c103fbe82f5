import { describe, expect, it } from "vitest";
import { ACC, COLLECTED_AT, OU, baselineSnapshot, settings } from "@/testing/checks/fixtures";
import { KPI, ORG_SCOPE, computeKpis, findNewlyCompliant, type TAccountCreation, type TKpiFinding } from "./index";

const now = new Date(COLLECTED_AT);
const h = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
const created = (accountId: string, requestedHoursAgo: number, tookHours = 1): TAccountCreation => ({
  accountId,
  state: "SUCCEEDED",
  requestedAt: h(requestedHoursAgo),
  completedAt: h(requestedHoursAgo - tookHours),
});
const blocking = (accountId: string, over: Partial<TKpiFinding> = {}): TKpiFinding => ({
  checkId: "IAM_LOCAL_USERS",
  category: "identity-access",
  severity: "high",
  accountId,
  ouId: null,
  mutedUntil: null,
  stale: false,
  ...over,
});

describe("findNewlyCompliant", () => {
  const base = { alreadyCompliant: new Set<string>(), auditedIds: new Set([ACC.dev, ACC.prod]), now, watchingSince: h(1000) };

  it.each([
    { name: "audited, no finding: compliant now", findings: [], expected: [ACC.dev] },
    { name: "an open high finding blocks", findings: [blocking(ACC.dev)], expected: [] },
    { name: "a medium finding does not block", findings: [blocking(ACC.dev, { severity: "medium" })], expected: [ACC.dev] },
    { name: "a muted critical finding does not block", findings: [blocking(ACC.dev, { severity: "critical", mutedUntil: h(-24) })], expected: [ACC.dev] },
    { name: "an expired mute blocks again", findings: [blocking(ACC.dev, { mutedUntil: h(24) })], expected: [] },
  ])("$name", ({ findings, expected }) => {
    const got = findNewlyCompliant({ ...base, creations: [created(ACC.dev, 10)], openFindings: findings });
    expect(got.map((c) => c.accountId)).toEqual(expected);
  });

  it("needs a successful audit and a successful creation, and records an account once", () => {
    expect(findNewlyCompliant({ ...base, auditedIds: new Set(), creations: [created(ACC.dev, 10)], openFindings: [] })).toEqual([]);
    expect(findNewlyCompliant({ ...base, creations: [{ ...created(ACC.dev, 10), state: "FAILED" }], openFindings: [] })).toEqual([]);
    expect(findNewlyCompliant({ ...base, alreadyCompliant: new Set([ACC.dev]), creations: [created(ACC.dev, 10)], openFindings: [] })).toEqual([]);
  });

  it("marks accounts created before OrgLens was watching as unobserved", () => {
    const [c] = findNewlyCompliant({ ...base, watchingSince: h(5), creations: [created(ACC.dev, 10)], openFindings: [] });
    expect(c?.observed).toBe(false);
  });
});

describe("time-to-compliant KPIs", () => {
  it("takes median and p90 over observed accounts in the window, per scope", () => {
    const creations = [created(ACC.dev, 30), created(ACC.prod, 50), created(ACC.security, 100), created(ACC.identity, 24 * 200)];
    const compliance = [
      { accountId: ACC.dev, compliantAt: h(20), observed: true }, // 10 h
      { accountId: ACC.prod, compliantAt: h(20), observed: true }, // 30 h
      { accountId: ACC.security, compliantAt: h(40), observed: false },
      { accountId: ACC.identity, compliantAt: h(24 * 190), observed: true }, // outside the 90-day window
    ];
    const v = computeKpis({ snap: baselineSnapshot(), settings, now, knownAccountIds: new Set(), openFindings: [], loginStats: [], budgets: [], creations, compliance });
    const median = v.find((x) => x.kpiId === KPI.TIME_TO_COMPLIANT_MEDIAN_HOURS && x.scopeId === ORG_SCOPE);
    const p90 = v.find((x) => x.kpiId === KPI.TIME_TO_COMPLIANT_P90_HOURS && x.scopeId === ORG_SCOPE);
    expect(median).toMatchObject({ value: "20.000000", denominator: "2", detail: { accounts: 2, unobserved: 1, pending: 0, createdMedianHours: 1 } });
    expect(p90?.value).toBe("30.000000");
    expect(v.find((x) => x.kpiId === KPI.TIME_TO_COMPLIANT_MEDIAN_HOURS && x.scopeId === OU.sdlc)?.value).toBe("10.000000");
  });

  it("counts created accounts not yet compliant as pending, with no value", () => {
    const v = computeKpis({ snap: baselineSnapshot(), settings, now, knownAccountIds: new Set(), openFindings: [], loginStats: [], budgets: [], creations: [created(ACC.dev, 30)], compliance: [] });
    expect(v.find((x) => x.kpiId === KPI.TIME_TO_COMPLIANT_MEDIAN_HOURS && x.scopeId === ORG_SCOPE)).toMatchObject({ value: null, detail: { pending: 1 } });
  });
});
