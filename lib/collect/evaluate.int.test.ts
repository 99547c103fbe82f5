import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { ACC, OU, auditOf, baselineSnapshot, iamUser } from "@/testing/checks/fixtures";
import { IAM_LOCAL_USERS } from "@/lib/domain/checks/iam-local-users";
import { SECURITYHUB_COVERAGE } from "@/lib/domain/checks/securityhub-coverage";
import { TAG_POLICY } from "@/lib/domain/checks/tag-policy";
import { KPI, ORG_SCOPE } from "@/lib/domain/kpis";
import type { TSnapshot } from "@/lib/domain/snapshot";
import { useTestDatabase } from "@/testing/db";
import { runCollection, type RunResult } from "./run";
import { evaluateRun } from "./evaluate";

const day = (n: number) => `2026-03-${String(15 + n).padStart(2, "0")}T06:00:00.000Z`;
const NEW_ACCOUNT = "777777777777";

function snapshotAt(at: string, mutate: (s: TSnapshot) => void): TSnapshot {
  const s = baselineSnapshot();
  s.collectedAt = at;
  mutate(s);
  return s;
}

/** Alice, an IAM user with a console password in the dev account: a high identity-access finding. */
const withAlice = (s: TSnapshot) => {
  auditOf(s, ACC.dev).iamUsers = [iamUser(ACC.dev, "alice", { passwordEnabled: true })];
};

/** A new account created between day 0 and day 1, arriving with an IAM user of its own. */
const withNewAccount = (withUser: boolean) => (s: TSnapshot) => {
  s.accounts.push({
    id: NEW_ACCOUNT,
    name: "shop-test",
    email: "shop-test@example.com",
    status: "ACTIVE",
    joinedMethod: "CREATED",
    joinedAt: "2026-03-15T12:05:00.000Z",
    parentId: OU.sdlc,
    tags: { owner: "o", project: "p", "cost-center": "c", environment: "test" },
  });
  s.createAccountStatuses.push({
    id: "car-1",
    accountName: "shop-test",
    accountId: NEW_ACCOUNT,
    state: "SUCCEEDED",
    requestedAt: "2026-03-15T12:00:00.000Z",
    completedAt: "2026-03-15T12:05:00.000Z",
    failureReason: null,
  });
  s.audits.push({
    ...auditOf(s, ACC.dev),
    accountId: NEW_ACCOUNT,
    iamUsers: withUser
      ? [
          iamUser(NEW_ACCOUNT, "bootstrap", {
            accessKeys: [
              { keyId: null, slot: 1, active: true, lastRotated: day(1), lastUsed: null },
            ],
          }),
        ]
      : [],
  });
};

describe("evaluateRun through runCollection", () => {
  let db: Db;
  let url: string;
  // The describe block's own database; its tests read it through these.
  useTestDatabase((client, clientUrl) => {
    db = client;
    url = clientUrl;
    return Promise.resolve();
  });

  const collect = (snap: TSnapshot): Promise<RunResult> =>
    runCollection(db, url, {
      source: "demo",
      produce: () => Promise.resolve(snap),
      evaluate: evaluateRun,
    });
  const series = async (kpiId: string, scopeId = ORG_SCOPE) =>
    (await db.kpiSnapshot.findMany({ where: { kpiId, scopeId }, orderBy: { at: "asc" } })).map(
      (k) => k.value?.toNumber() ?? null,
    );
  const findingOf = (checkId: string, accountId: string) =>
    db.finding.findFirstOrThrow({
      where: { checkId, accountId },
      include: { events: { orderBy: { id: "asc" } } },
    });

  it("opens a violation, keeps it while seen, resolves it when fixed, and records the KPI series", async () => {
    const r1 = await collect(snapshotAt(day(0), withAlice));
    expect(r1).toMatchObject({
      status: "succeeded",
      summary: { findings: { opened: { [IAM_LOCAL_USERS]: 1 }, open: 1 } },
    });

    const r2 = await collect(snapshotAt(day(1), (s) => (withAlice(s), withNewAccount(true)(s))));
    expect(r2.summary).toMatchObject({
      findings: { opened: { [IAM_LOCAL_USERS]: 1 }, resolved: {}, open: 2 },
    });
    const kept = await findingOf(IAM_LOCAL_USERS, ACC.dev);
    expect(kept).toMatchObject({
      status: "open",
      firstSeenRunId: r1.runId,
      lastSeenRunId: r2.runId,
      firstSeenAt: new Date(day(0)),
      lastSeenAt: new Date(day(1)),
    });
    expect(kept.events.map((e) => e.kind)).toEqual(["opened"]);

    const r3 = await collect(snapshotAt(day(2), withNewAccount(false)));
    expect(r3.summary).toMatchObject({ findings: { resolved: { [IAM_LOCAL_USERS]: 2 }, open: 0 } });
    const fixed = await findingOf(IAM_LOCAL_USERS, ACC.dev);
    expect(fixed).toMatchObject({
      status: "resolved",
      firstSeenRunId: r1.runId,
      lastSeenRunId: r2.runId,
      resolvedAt: new Date(day(2)),
    });
    expect(fixed.events.map((e) => [e.kind, e.runId])).toEqual([
      ["opened", r1.runId],
      ["resolved", r3.runId],
    ]);

    expect(await series(KPI.OPEN_FINDINGS_ACCESS)).toEqual([1, 2, 0]);
    expect(await series(KPI.OPEN_FINDINGS_ACCESS, OU.sdlc)).toEqual([1, 2, 0]);
    expect(await series(KPI.OPEN_FINDINGS_ACCESS, OU.prod)).toEqual([0, 0, 0]);
    // Created (CreateAccount completed) 2026-03-15T12:05, compliant at the day-2 run (2026-03-17T06:00): 41 h 55 min.
    expect(await series(KPI.TIME_TO_COMPLIANT_MEDIAN_HOURS)).toEqual([null, null, 41.916667]);
    const stored = await db.collectionRun.findUniqueOrThrow({ where: { id: r3.runId } });
    expect(stored.summary).toMatchObject({ findings: { open: 0 } });
  });

  it("reopens a finding that comes back", async () => {
    const r4 = await collect(snapshotAt(day(3), withAlice));
    expect(r4.summary).toMatchObject({
      findings: { reopened: { [IAM_LOCAL_USERS]: 1 }, opened: {} },
    });
    const back = await findingOf(IAM_LOCAL_USERS, ACC.dev);
    expect(back).toMatchObject({
      status: "open",
      reopenedCount: 1,
      resolvedAt: null,
      lastSeenRunId: r4.runId,
    });
    expect(back.events.map((e) => e.kind)).toEqual(["opened", "resolved", "reopened"]);
  });
});

describe("a failed audit", () => {
  let db: Db;
  let url: string;
  // The describe block's own database; its tests read it through these.
  useTestDatabase((client, clientUrl) => {
    db = client;
    url = clientUrl;
    return Promise.resolve();
  });

  const collect = (snap: TSnapshot) =>
    runCollection(db, url, {
      source: "demo",
      produce: () => Promise.resolve(snap),
      evaluate: evaluateRun,
    });
  const rows = (kpiId: string) =>
    db.kpiSnapshot.findMany({ where: { kpiId, scopeId: ORG_SCOPE }, orderBy: { at: "asc" } });
  const series = async (kpiId: string) =>
    (await rows(kpiId)).map((k) => k.value?.toNumber() ?? null);

  const violations = (s: TSnapshot) => {
    withAlice(s);
    auditOf(s, ACC.dev).securityHub = {
      enabled: false,
      findings: { critical: 0, high: 0, medium: 0, low: 0 },
      standards: [],
    };
  };
  const untaggedOwner = (s: TSnapshot) => {
    const dev = s.accounts.find((a) => a.id === ACC.dev);
    if (dev) delete dev.tags.owner;
  };
  const auditFails = (s: TSnapshot) => {
    const audit = auditOf(s, ACC.dev);
    audit.status = "failed";
    audit.error = "AccessDenied: sts:AssumeRole";
    audit.iamUsers = [];
    audit.securityHub = null;
    audit.consoleLogins = null;
  };

  it("keeps that account's evidence-based findings, flagged stale, and the KPI does not dip", async () => {
    const r1 = await collect(snapshotAt(day(0), (s) => (violations(s), untaggedOwner(s))));
    expect(r1.summary).toMatchObject({
      findings: { opened: { [IAM_LOCAL_USERS]: 1, [SECURITYHUB_COVERAGE]: 1, [TAG_POLICY]: 1 } },
    });

    // The tag is fixed meanwhile: organization findings are still judged, audit-based ones are kept.
    const r2 = await collect(snapshotAt(day(1), (s) => (violations(s), auditFails(s))));
    expect(r2.status).toBe("partial");
    expect(r2.summary).toMatchObject({
      findings: { resolved: { [TAG_POLICY]: 1 }, stale: 2, opened: {} },
    });
    const user = await db.finding.findFirstOrThrow({ where: { checkId: IAM_LOCAL_USERS } });
    expect(user).toMatchObject({
      status: "open",
      stale: true,
      lastSeenRunId: r1.runId,
      resolvedAt: null,
    });
    expect(
      await db.finding.count({
        where: { checkId: SECURITYHUB_COVERAGE, status: "open", stale: true },
      }),
    ).toBe(1);
    expect(
      await db.findingEvent.count({
        where: { runId: r2.runId, kind: "resolved", finding: { checkId: { not: TAG_POLICY } } },
      }),
    ).toBe(0);

    const r3 = await collect(snapshotAt(day(2), violations));
    expect(r3.summary).toMatchObject({ findings: { stale: 0, opened: {}, reopened: {} } });
    expect(
      await db.finding.findFirstOrThrow({ where: { checkId: IAM_LOCAL_USERS } }),
    ).toMatchObject({ stale: false, lastSeenRunId: r3.runId, firstSeenRunId: r1.runId });

    expect(await series(KPI.OPEN_FINDINGS_ACCESS)).toEqual([1, 1, 1]);
    // The last known sign-in statistics of the failed account still count: 6 accounts x 40 sign-ins.
    expect((await rows(KPI.ROLE_BASED_LOGINS_PCT)).map((k) => k.denominator?.toNumber())).toEqual([
      240, 240, 240,
    ]);
  });

  it("excludes a muted finding from the KPIs until the mute expires", async () => {
    await db.finding.updateMany({
      where: { checkId: IAM_LOCAL_USERS },
      data: {
        mutedUntil: new Date(day(4)),
        muteReason: "break-glass, accepted",
        mutedBy: "sec@example.com",
      },
    });
    const r4 = await collect(snapshotAt(day(3), violations));
    expect(r4.summary).toMatchObject({ findings: { open: 1, muted: 1, unmuted: 0 } });

    const r5 = await collect(snapshotAt(day(5), violations));
    expect(r5.summary).toMatchObject({ findings: { open: 2, muted: 0, unmuted: 1 } });
    const user = await db.finding.findFirstOrThrow({
      where: { checkId: IAM_LOCAL_USERS },
      include: { events: { where: { kind: "unmuted" } } },
    });
    expect(user).toMatchObject({ mutedUntil: null, muteReason: null });
    expect(user.events[0]?.detail).toMatchObject({
      reason: "expired",
      muteReason: "break-glass, accepted",
    });
    expect(await series(KPI.OPEN_FINDINGS_ACCESS)).toEqual([1, 1, 1, 0, 1]);
  });
});
