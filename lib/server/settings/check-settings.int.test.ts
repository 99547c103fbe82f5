// Check settings through the evaluation: the demo organization collected by a real run into a real
// Postgres, then settings changed and "Re-evaluate now" run on the stored evidence.
import "@/testing/placeholder-server-env";
import { describe, expect, it } from "vitest";
import { loadDemo } from "@/lib/collect/load-demo";
import { runCollection } from "@/lib/collect/run";
import { IAM_LONG_LIVED_KEYS } from "@/lib/domain/checks/iam-long-lived-keys";
import { MGMT_ACCOUNT_WORKLOADS } from "@/lib/domain/checks/mgmt-account-workloads";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "@/testing/db";
import {
  NOTHING_TO_REEVALUATE,
  reevaluateNow,
  RUN_IN_PROGRESS,
} from "@/lib/server/runs/reevaluate-now";
import { getCheckSettings } from "./get-check-settings";
import { saveCheckSettings } from "./save-check-settings";

const ADMIN = { email: "admin@example.com", role: "admin" as const, scope: { ouIds: null } };

/** Every finding with what the lifecycle decides: status and the runs it was seen in. */
const findingStates = (db: Db) =>
  db.finding.findMany({
    select: {
      fingerprint: true,
      status: true,
      checkId: true,
      resource: true,
      firstSeenRunId: true,
    },
    orderBy: { fingerprint: "asc" },
  });

/** What a collection stores; a re-evaluation must leave every row of it as it was. */
async function evidence(db: Db) {
  return {
    accounts: await db.account.findMany({ orderBy: { id: "asc" } }),
    users: await db.iamUser.findMany({ orderBy: [{ accountId: "asc" }, { userName: "asc" }] }),
    keys: await db.accessKey.count(),
    roles: await db.iamRole.count(),
    costMonthly: await db.costMonthly.count(),
    costByTag: await db.costByTag.count(),
    costDaily: await db.costDaily.count(),
    policies: await db.policy.count(),
    placements: await db.accountPlacement.count(),
  };
}

const openOf = async (db: Db, checkId: string) =>
  (
    await db.finding.findMany({
      where: { checkId, status: "open" },
      select: { resource: true },
    })
  )
    .map((f) => f.resource)
    .sort();

describe("check settings through Re-evaluate now", () => {
  const t = useTestDatabase(async (db, url) => {
    const loaded = await loadDemo(db, url, { now: new Date() });
    expect(loaded.status).not.toBe("failed");
  }, 240_000);

  it("re-evaluates without a settings change: opens, resolves and stores nothing, as a re-evaluation run", async () => {
    const before = await findingStates(t.db);
    const stored = await evidence(t.db);
    const collected = await t.db.collectionRun.findFirstOrThrow({ where: { source: "demo" } });

    const run = await reevaluateNow(t.db, t.url, ADMIN);

    expect(run).toMatchObject({
      source: "re-evaluation",
      opened: 0,
      reopened: 0,
      resolved: 0,
      error: null,
    });
    expect(run.status).toBe(collected.status);
    expect(await findingStates(t.db)).toEqual(before);
    expect(await evidence(t.db)).toEqual(stored);
    const row = await t.db.collectionRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(row).toMatchObject({
      source: "re-evaluation",
      triggeredBy: ADMIN.email,
      ceRequests: 0,
      accountsSeen: collected.accountsSeen,
      accountsAudited: collected.accountsAudited,
    });
    expect(row.apiRequests).toEqual({});
    const seen = await t.db.finding.count({ where: { status: "open", lastSeenRunId: run.id } });
    expect(seen).toBeGreaterThan(0);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "runs.reevaluate" } });
    expect(audit).toMatchObject({ actor: ADMIN.email, target: run.id });
  }, 120_000);

  it("a key age above a key's resolves exactly that key's finding; the default reopens it", async () => {
    const keys = await openOf(t.db, IAM_LONG_LIVED_KEYS);
    expect(keys).toHaveLength(2);
    // The demo's ci-deploy keys: slot 1 rotated 400 days ago, slot 2 rotated 200 days ago and used yesterday.
    const slot2 = keys.find((r) => r.endsWith("#key2"));

    await saveCheckSettings(t.db, ADMIN, { keyMaxAgeDays: 300 });
    const raised = await reevaluateNow(t.db, t.url, ADMIN);

    expect(raised).toMatchObject({ opened: 0, reopened: 0, resolved: 1 });
    expect(await openOf(t.db, IAM_LONG_LIVED_KEYS)).toEqual(keys.filter((r) => r !== slot2));

    await saveCheckSettings(t.db, ADMIN, { keyMaxAgeDays: null });
    const reset = await reevaluateNow(t.db, t.url, ADMIN);
    expect(reset).toMatchObject({ opened: 0, reopened: 1, resolved: 0 });
    expect(await openOf(t.db, IAM_LONG_LIVED_KEYS)).toEqual(keys);
  }, 120_000);

  it("a management-account threshold above its spend resolves that finding and nothing else", async () => {
    const open = await openOf(t.db, MGMT_ACCOUNT_WORKLOADS);
    expect(open).toHaveLength(1);

    await saveCheckSettings(t.db, ADMIN, { mgmtWorkloadSpendThreshold: 1_000_000 });
    const raised = await reevaluateNow(t.db, t.url, ADMIN);

    expect(raised).toMatchObject({ opened: 0, reopened: 0, resolved: 1 });
    expect(await openOf(t.db, MGMT_ACCOUNT_WORKLOADS)).toEqual([]);
    const resolved = await t.db.finding.findFirstOrThrow({
      where: { checkId: MGMT_ACCOUNT_WORKLOADS },
    });
    expect(resolved.status).toBe("resolved");

    await saveCheckSettings(t.db, ADMIN, { mgmtWorkloadSpendThreshold: null });
    expect(await reevaluateNow(t.db, t.url, ADMIN)).toMatchObject({ reopened: 1, resolved: 0 });
    expect(await openOf(t.db, MGMT_ACCOUNT_WORKLOADS)).toEqual(open);
  }, 120_000);

  it("refuses while another run holds the collection lock, and starts no run", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (started = resolve));
    const other = runCollection(t.db, t.url, {
      source: "demo",
      produce: async () => {
        started();
        await gate;
        throw new Error("stopped by the test");
      },
    });
    await running;
    const runs = await t.db.collectionRun.count();

    const refused = await reevaluateNow(t.db, t.url, ADMIN).catch((e: unknown) => e);

    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "CONFLICT", message: RUN_IN_PROGRESS });
    expect(await t.db.collectionRun.count()).toBe(runs);
    release();
    expect((await other).status).toBe("failed");
  }, 60_000);
});

describe("saving check settings", () => {
  const t = useTestDatabase();

  it("shows every setting with its default, saves a change with its before and after in the audit, and resets it", async () => {
    const initial = await getCheckSettings(t.db, ADMIN);
    expect(initial.settings.map((s) => s.key).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    expect(initial.settings.every((s) => !s.overridden)).toBe(true);

    const saved = await saveCheckSettings(t.db, ADMIN, {
      keyMaxAgeDays: 30,
      requiredTagKeys: ["owner", "team"],
    });
    const byKey = new Map(saved.settings.map((s) => [s.key, s]));
    expect(byKey.get("keyMaxAgeDays")).toMatchObject({
      value: 30,
      default: 90,
      overridden: true,
      updatedBy: ADMIN.email,
      unit: "days",
    });
    expect(byKey.get("requiredTagKeys")?.value).toEqual(["owner", "team"]);
    expect(await t.db.setting.findUnique({ where: { key: "keyMaxAgeDays" } })).toMatchObject({
      value: 30,
    });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "settings.checks" } });
    expect(audit.detail).toEqual({
      changes: {
        keyMaxAgeDays: { before: 90, after: 30, reset: false },
        requiredTagKeys: {
          before: DEFAULT_SETTINGS.requiredTagKeys,
          after: ["owner", "team"],
          reset: false,
        },
      },
    });

    const reset = await saveCheckSettings(t.db, ADMIN, { keyMaxAgeDays: null });
    expect(reset.settings.find((s) => s.key === "keyMaxAgeDays")).toMatchObject({
      value: 90,
      overridden: false,
    });
    expect(await t.db.setting.findUnique({ where: { key: "keyMaxAgeDays" } })).toBeNull();
    const events = await t.db.auditEvent.findMany({
      where: { action: "settings.checks" },
      orderBy: { id: "asc" },
    });
    expect(events.at(-1)?.detail).toEqual({
      changes: { keyMaxAgeDays: { before: 30, after: 90, reset: true } },
    });
  });

  it("writes no audit event for a change that changes nothing", async () => {
    const before = await t.db.auditEvent.count();
    await saveCheckSettings(t.db, ADMIN, { staleUserDays: DEFAULT_SETTINGS.staleUserDays });
    expect(await t.db.auditEvent.count()).toBe(before);
  });

  it("refuses an OU-scoped admin reading, changing or re-evaluating, and changes nothing", async () => {
    const scoped = {
      email: "lead@example.com",
      role: "admin" as const,
      scope: { ouIds: ["ou-x"] },
    };
    const analyst = { email: "ana@example.com", role: "analyst" as const, scope: { ouIds: null } };
    const settings = await t.db.setting.count();
    for (const who of [scoped, analyst]) {
      await expect(getCheckSettings(t.db, who)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(saveCheckSettings(t.db, who, { keyMaxAgeDays: 1 })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(reevaluateNow(t.db, t.url, who)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await t.db.setting.count()).toBe(settings);
    expect(await t.db.collectionRun.count()).toBe(0);
  });

  it("refuses to re-evaluate a database without collected evidence", async () => {
    await expect(reevaluateNow(t.db, t.url, ADMIN)).rejects.toMatchObject({
      code: "CONFLICT",
      message: NOTHING_TO_REEVALUATE,
    });
  });
});
