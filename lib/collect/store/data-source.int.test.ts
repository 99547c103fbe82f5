// The demo and a real organization never share a database: the store refuses a snapshot from the
// other world (fake accounts beside real ones, real alerts about fake findings) until the collected
// data is reset with `npm run db:reset-data`.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { evaluateRun } from "@/lib/collect/evaluate";
import { loadDemo } from "@/lib/collect/load-demo";
import { runCollection } from "@/lib/collect/run";
import { generateDemoSnapshot, MIN_ACCOUNTS } from "@/lib/collect/sources/demo";
import { loadSettings } from "@/lib/db/settings";
import { DEMO_GROUPS } from "@/lib/auth/demo-groups";
import type { TSnapshotInput } from "@/lib/domain/snapshot";
import { parseSnapshot } from "@/lib/domain/snapshot";
import { bindDemoGroups } from "@/lib/setup/bind-demo-groups";
import { useTestDatabase } from "@/testing/db";
import { storeSnapshot } from ".";
import { DataSourceMismatchError } from "./data-source";
import { resetCollectedData } from "./reset-collected-data";

/** What a reset keeps: configuration, imports and the audit trail. */
const KEPT_TABLES = new Set([
  "_prisma_migrations",
  "setting",
  "allocation_rule",
  "role_binding",
  "audit_event",
]);

/** A real organization's snapshot: another organization id, accounts and costs from the AWS source. */
function awsSnapshot(): TSnapshotInput {
  const demo = generateDemoSnapshot({ accounts: MIN_ACCOUNTS, seed: 7 });
  return { ...demo, source: "aws", organization: { ...demo.organization, id: "o-realorg1234" } };
}

describe("one source per database", () => {
  const t = useTestDatabase();

  it("refuses a real collection into a database holding the demo, and keeps the demo untouched", async () => {
    const { db, url } = t;
    const demo = await loadDemo(db, url, { accounts: MIN_ACCOUNTS, history: 0 });
    expect(demo.status).not.toBe("failed");
    // As `npm run demo` does: the demo deployment maps its sign-in groups (the reset below removes them).
    await bindDemoGroups(db, { ORGLENS_DEPLOYMENT: "demo" });
    const accounts = await db.account.count();

    const refused = await runCollection(db, url, {
      source: "aws",
      produce: () => Promise.resolve(awsSnapshot()),
      evaluate: evaluateRun,
    });
    expect(refused.status).toBe("failed");
    expect(refused.error).toMatch(/holds the demo organization.*npm run db:reset-data -- --yes/);
    expect(await db.account.count()).toBe(accounts);
    expect(await db.costMonthly.count({ where: { source: "aws" } })).toBe(0);
    expect(await db.organization.findMany({ select: { id: true } })).not.toContainEqual({
      id: "o-realorg1234",
    });

    const settings = await loadSettings(db);
    await expect(
      storeSnapshot(db, parseSnapshot(awsSnapshot()), { settings, runId: randomUUID() }),
    ).rejects.toBeInstanceOf(DataSourceMismatchError);
  });

  it("after db:reset-data holds no collected row, then takes the real organization and refuses the demo", async () => {
    const { db, url } = t;
    const summary = await resetCollectedData(db, "cli:test");
    expect(summary.accounts).toBeGreaterThan(0);
    expect(summary.demoRoleBindings).toBe(Object.keys(DEMO_GROUPS).length);
    // The demo's own budgets and account requests (planted for its fake accounts) go with it.
    expect(summary.demoBudgets).toBeGreaterThan(0);
    expect(summary.demoRequests).toBeGreaterThan(0);

    const tables = await db.$queryRaw<
      { name: string }[]
    >`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`;
    const withRows: string[] = [];
    for (const { name } of tables) {
      const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM "${name}"`,
      );
      if (row && row.n > 0n && !KEPT_TABLES.has(name)) withRows.push(name);
    }
    expect(withRows).toEqual([]);
    expect(
      await db.roleBinding.count({ where: { group: { in: Object.values(DEMO_GROUPS) } } }),
    ).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "data.reset", actor: "cli:test" } })).toBe(
      1,
    );

    const real = await runCollection(db, url, {
      source: "aws",
      produce: () => Promise.resolve(awsSnapshot()),
      evaluate: evaluateRun,
    });
    expect(real.status).not.toBe("failed");
    const refused = await runCollection(db, url, {
      source: "demo",
      produce: () => Promise.resolve(generateDemoSnapshot({ accounts: MIN_ACCOUNTS })),
      evaluate: evaluateRun,
    });
    expect(refused).toMatchObject({ status: "failed" });
    expect(refused.error).toMatch(/holds data collected from a real organization/);
    expect(await db.organization.findMany({ select: { id: true } })).toEqual([
      { id: "o-realorg1234" },
    ]);
    expect(await db.costMonthly.count({ where: { source: "demo" } })).toBe(0);
  });
});
