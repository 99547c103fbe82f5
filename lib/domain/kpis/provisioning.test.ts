import { describe, expect, it } from "vitest";
import { ACC, COLLECTED_AT, OU, baselineSnapshot, settings } from "@/testing/checks/fixtures";
import {
  KPI,
  ORG_SCOPE,
  computeKpis,
  deriveCompliance,
  type TAccountCreation,
  type TAccountEvent,
  type TEvaluatedRun,
  type TFindingTimeline,
  type TKpiInput,
} from "./index";

const now = new Date(COLLECTED_AT);
const h = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
/** Created `completedHoursAgo` (CreateAccount completed), requested `tookHours` earlier. */
const created = (
  accountId: string,
  completedHoursAgo: number,
  tookHours = 1,
): TAccountCreation => ({
  accountId,
  state: "SUCCEEDED",
  requestedAt: h(completedHoursAgo + tookHours),
  completedAt: h(completedHoursAgo),
});
const run = (hoursAgo: number, unaudited: string[] = []): TEvaluatedRun => ({
  at: h(hoursAgo),
  unauditedIds: new Set(unaudited),
});
const finding = (
  accountId: string,
  severity: string,
  events: [kind: string, hoursAgo: number, mutedUntilHoursAgo?: number][],
): TFindingTimeline => ({
  accountId,
  severity,
  events: events.map(([kind, ago, until]) => ({
    kind,
    at: h(ago),
    mutedUntil: until === undefined ? null : h(until),
  })),
});

describe("deriveCompliance over the stored runs", () => {
  // Runs every 24 hours; OrgLens has watched since 1,000 hours ago.
  const runs = [run(96), run(72), run(48), run(24), run(0)];
  const derive = (
    creations: TAccountCreation[],
    findings: TFindingTimeline[] = [],
    runList = runs,
  ) => deriveCompliance({ creations, runs: runList, findings, watchingSince: h(1000) });

  it.each([
    { name: "audited and clean at the first run after creation", findings: [], at: 72 },
    {
      name: "an open high finding blocks until the run that resolves it",
      findings: [
        finding(ACC.dev, "high", [
          ["opened", 72],
          ["resolved", 24],
        ]),
      ],
      at: 24,
    },
    {
      name: "a medium finding does not block",
      findings: [finding(ACC.dev, "medium", [["opened", 72]])],
      at: 72,
    },
    {
      name: "a muted critical finding does not block",
      findings: [
        finding(ACC.dev, "critical", [
          ["opened", 72],
          ["muted", 60, -100],
        ]),
      ],
      at: 48,
    },
    {
      name: "an expired mute blocks again",
      findings: [
        finding(ACC.dev, "critical", [
          ["opened", 72],
          ["muted", 60, 50],
          ["resolved", 0],
        ]),
      ],
      at: 0,
    },
    {
      name: "a finding on another account does not block",
      findings: [finding(ACC.prod, "critical", [["opened", 96]])],
      at: 72,
    },
  ])("$name", ({ findings, at }) => {
    expect(derive([created(ACC.dev, 80)], findings)).toEqual([
      { accountId: ACC.dev, compliantAt: h(at), observed: true },
    ]);
  });

  it("needs the account audited in that run", () => {
    const got = derive(
      [created(ACC.dev, 80)],
      [],
      [run(96), run(72, [ACC.dev]), run(48, [ACC.dev]), run(24), run(0)],
    );
    expect(got.map((c) => c.compliantAt)).toEqual([h(24)]);
  });

  it("keeps the first compliant run when the account is non-compliant again later", () => {
    const got = derive([created(ACC.dev, 80)], [finding(ACC.dev, "high", [["opened", 24]])]);
    expect(got.map((c) => c.compliantAt)).toEqual([h(72)]);
  });

  it("ignores failed and running creations, and accounts never compliant yet", () => {
    expect(
      derive([
        { ...created(ACC.dev, 80), state: "FAILED", accountId: null },
        { ...created(ACC.prod, 1), completedAt: null, state: "IN_PROGRESS" },
      ]),
    ).toEqual([]);
    expect(
      derive([created(ACC.dev, 80)], [finding(ACC.dev, "critical", [["opened", 72]])]),
    ).toEqual([]);
  });

  it("marks an account created before OrgLens watched as unobserved; one created within the watch window counts", () => {
    const got = deriveCompliance({
      creations: [created(ACC.dev, 200), created(ACC.prod, 80)],
      runs,
      findings: [],
      watchingSince: h(96),
    });
    expect(got).toEqual([
      { accountId: ACC.dev, compliantAt: h(96), observed: false },
      { accountId: ACC.prod, compliantAt: h(72), observed: true },
    ]);
  });

  it("gives the same answer whatever order the runs and events come in", () => {
    const f = finding(ACC.dev, "high", [
      ["resolved", 24],
      ["opened", 72],
    ]);
    expect(
      derive([created(ACC.dev, 80)], [f], runs.toReversed()).map((c) => c.compliantAt),
    ).toEqual([h(24)]);
  });
});

describe("time-to-compliant KPIs", () => {
  const kpis = (over: Partial<TKpiInput>) =>
    computeKpis({
      snap: baselineSnapshot(),
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
    });
  const find = (v: ReturnType<typeof kpis>, kpiId: string, scopeId = ORG_SCOPE) =>
    v.find((x) => x.kpiId === kpiId && x.scopeId === scopeId);

  it("measures from creation, median and p90 over observed accounts in the window, per scope", () => {
    const creations = [
      created(ACC.dev, 30),
      created(ACC.prod, 50),
      created(ACC.security, 100),
      created(ACC.identity, 24 * 200),
    ];
    const compliance = [
      { accountId: ACC.dev, compliantAt: h(20), observed: true }, // 10 h after creation
      { accountId: ACC.prod, compliantAt: h(20), observed: true }, // 30 h
      { accountId: ACC.security, compliantAt: h(40), observed: false },
      { accountId: ACC.identity, compliantAt: h(24 * 190), observed: true }, // created outside the 90-day window
    ];
    const v = kpis({ creations, compliance });
    expect(find(v, KPI.TIME_TO_COMPLIANT_MEDIAN_HOURS)).toMatchObject({
      value: "20.000000",
      denominator: "2",
      detail: { accounts: 2, unobserved: 1, pending: 0, createdMedianHours: 1 },
    });
    expect(find(v, KPI.TIME_TO_COMPLIANT_P90_HOURS)?.value).toBe("30.000000");
    expect(find(v, KPI.TIME_TO_COMPLIANT_MEDIAN_HOURS, OU.sdlc)?.value).toBe("10.000000");
  });

  it("measures from the request's approval separately, only for accounts with an approved request", () => {
    const creations = [created(ACC.dev, 30), created(ACC.prod, 50)];
    const compliance = [
      { accountId: ACC.dev, compliantAt: h(20), observed: true },
      { accountId: ACC.prod, compliantAt: h(20), observed: true },
    ];
    const v = kpis({
      creations,
      compliance,
      approvals: [{ accountId: ACC.dev, approvedAt: h(54) }],
    });
    expect(find(v, KPI.TIME_TO_COMPLIANT_FROM_APPROVAL_MEDIAN_HOURS)).toMatchObject({
      value: "34.000000",
      denominator: "1",
    });
    expect(find(v, KPI.TIME_TO_COMPLIANT_MEDIAN_HOURS)?.value).toBe("20.000000");
    expect(
      find(kpis({ creations, compliance }), KPI.TIME_TO_COMPLIANT_FROM_APPROVAL_MEDIAN_HOURS)
        ?.value,
    ).toBeNull();
  });

  it("counts created accounts not yet compliant as pending, with no value", () => {
    expect(
      find(kpis({ creations: [created(ACC.dev, 30)] }), KPI.TIME_TO_COMPLIANT_MEDIAN_HOURS),
    ).toMatchObject({ value: null, detail: { pending: 1 } });
  });

  it("leaves out a suspended account: neither measured nor pending", () => {
    const snap = baselineSnapshot();
    snap.accounts = snap.accounts.map((a) =>
      a.id === ACC.dev ? { ...a, status: "SUSPENDED" } : a,
    );
    const v = kpis({
      snap,
      creations: [created(ACC.dev, 30), created(ACC.prod, 30)],
      compliance: [{ accountId: ACC.dev, compliantAt: h(20), observed: true }],
    });
    expect(find(v, KPI.TIME_TO_COMPLIANT_MEDIAN_HOURS)).toMatchObject({
      value: null,
      detail: { accounts: 0, pending: 1 },
    });
  });
});

describe("deriveCompliance dated by ingested CloudTrail events", () => {
  const runs = [run(96), run(72), run(48), run(24), run(0)];
  const sec = (hoursAgo: number, seconds: number) =>
    new Date(h(hoursAgo).getTime() + seconds * 1000);
  const moved = (accountId: string, at: Date): TAccountEvent => ({
    accountId,
    at,
    setup: true,
    closes: [{ checkId: "ORG_ACCOUNT_AT_ROOT", resourceEndsWith: "" }],
  });
  const bucketPolicy = (accountId: string, at: Date, bucket: string): TAccountEvent => ({
    accountId,
    at,
    setup: false,
    closes: [{ checkId: "LOG_ARCHIVE_BUCKET_POLICY", resourceEndsWith: `s3://${bucket}` }],
  });
  const blocking = (
    checkId: string,
    resource: string,
    events: [kind: string, hoursAgo: number][],
  ): TFindingTimeline => ({ ...finding(ACC.dev, "high", events), checkId, resource });
  const derive = (findings: TFindingTimeline[], events: TAccountEvent[]) =>
    deriveCompliance({
      creations: [created(ACC.dev, 80)],
      runs,
      findings,
      watchingSince: h(1000),
      events,
    });

  it("clean at its first audit: compliant when its last setup event (the move into its OU) finished it", () => {
    const at = sec(79, 37);
    expect(derive([], [moved(ACC.dev, sec(80, 5)), moved(ACC.dev, at)])).toEqual([
      { accountId: ACC.dev, compliantAt: at, observed: true, fromEvents: true },
    ]);
  });

  it("without events (or with events of another account) it keeps the run's time", () => {
    expect(derive([], [])).toEqual([{ accountId: ACC.dev, compliantAt: h(72), observed: true }]);
    expect(derive([], [moved(ACC.prod, sec(79, 1))])).toEqual([
      { accountId: ACC.dev, compliantAt: h(72), observed: true },
    ]);
  });

  it("a finding open at the previous audit: compliant when the event that closed it happened", () => {
    const policy = blocking("LOG_ARCHIVE_BUCKET_POLICY", "s3://logs", [
      ["opened", 72],
      ["resolved", 48],
    ]);
    const fixedAt = sec(60, 42);
    expect(derive([policy], [bucketPolicy(ACC.dev, fixedAt, "logs")])).toEqual([
      { accountId: ACC.dev, compliantAt: fixedAt, observed: true, fromEvents: true },
    ]);
  });

  it.each([
    {
      name: "an event on another resource (the look-alike)",
      events: [bucketPolicy(ACC.dev, sec(60, 1), "other-logs")],
    },
    {
      name: "an event before the audit that still saw the finding open",
      events: [bucketPolicy(ACC.dev, sec(80, 1), "logs")],
    },
    {
      name: "a setup event that cannot close that finding",
      events: [{ ...moved(ACC.dev, sec(60, 1)), closes: [] }],
    },
  ])("keeps the run's time when no event closed the finding: $name", ({ events }) => {
    const policy = blocking("LOG_ARCHIVE_BUCKET_POLICY", "s3://logs", [
      ["opened", 72],
      ["resolved", 48],
    ]);
    expect(derive([policy], events)).toEqual([
      { accountId: ACC.dev, compliantAt: h(48), observed: true },
    ]);
  });

  it("two findings: dated by the later of their closing events, and only when both have one", () => {
    const atRoot = blocking("ORG_ACCOUNT_AT_ROOT", "", [
      ["opened", 72],
      ["resolved", 48],
    ]);
    const policy = blocking("LOG_ARCHIVE_BUCKET_POLICY", "s3://logs", [
      ["opened", 72],
      ["resolved", 48],
    ]);
    const move = moved(ACC.dev, sec(66, 0));
    const put = bucketPolicy(ACC.dev, sec(55, 9), "logs");
    expect(derive([atRoot, policy], [move, put])[0]).toMatchObject({
      compliantAt: put.at,
      fromEvents: true,
    });
    expect(derive([atRoot, policy], [move])[0]).toEqual({
      accountId: ACC.dev,
      compliantAt: h(48),
      observed: true,
    });
  });
});
