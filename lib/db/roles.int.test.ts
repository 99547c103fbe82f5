// The two-role set-up: as the app role, OrgLens collects, records audit events and runs its queue, but
// cannot rewrite or erase the audit trail, drop its triggers, or change the schema.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateRun } from "@/lib/collect/evaluate";
import { startQueue } from "@/lib/collect/distributed/queue";
import { runCollection } from "@/lib/collect/run";
import { generateDemoSnapshot, MIN_ACCOUNTS } from "@/lib/collect/sources/demo";
import { useTestDatabase } from "@/testing/db";
import { createPrismaClient, type Db } from "./client";
import { applyMigrations } from "./migrate";
import { setUpAppRole } from "./roles";

const ROLE = `orglens_app_${randomBytes(4).toString("hex")}`;
const PASSWORD = randomBytes(12).toString("hex");

async function asApp(url: string, sql: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
    return "allowed";
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await client.end();
  }
}

describe("the app database role", () => {
  const t = useTestDatabase();
  let appUrl = "";
  let app: Db | undefined;

  beforeAll(async () => {
    await setUpAppRole(t.url, { role: ROLE, password: PASSWORD });
    // Idempotent: running it again (after a migration) changes nothing that breaks.
    await setUpAppRole(t.url, { role: ROLE, password: PASSWORD });
    const url = new URL(t.url);
    url.username = ROLE;
    url.password = PASSWORD;
    appUrl = url.toString();
    app = createPrismaClient(appUrl);
  });
  afterAll(async () => {
    await app?.$disconnect();
    await t.db.$executeRawUnsafe(`DROP OWNED BY "${ROLE}"`);
    await t.db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS pgboss CASCADE`);
    await t.db.$executeRawUnsafe(`DROP ROLE "${ROLE}"`);
  });

  it("does the app's normal writes: a collection run, audit events, settings, the queue", async () => {
    if (!app) throw new Error("no app client");
    const run = await runCollection(app, appUrl, {
      source: "demo",
      produce: () => Promise.resolve(generateDemoSnapshot({ accounts: MIN_ACCOUNTS })),
      evaluate: evaluateRun,
    });
    expect(run.status).not.toBe("failed");
    expect(await app.costAccountMonth.count()).toBeGreaterThan(0);
    await app.auditEvent.create({ data: { actor: "ada@example.com", action: "settings.update" } });
    await app.roleBinding.create({ data: { group: "finops", role: "analyst", ouIds: [] } });
    await app.roleBinding.delete({ where: { group: "finops" } });
    const boss = await startQueue(
      appUrl,
      { expireInSeconds: 60, retryLimit: 0, maintenanceIntervalSeconds: 60 },
      () => undefined,
    );
    await boss.stop({ graceful: false, wait: true });
    // The migration tool's shadow-database guard reads the server's identity without superuser rights.
    expect(await asApp(appUrl, "SELECT system_identifier FROM pg_control_system()")).toBe(
      "allowed",
    );
    // Nothing pending: starting a collector (which applies migrations first) works as the app.
    await expect(applyMigrations(appUrl)).resolves.toEqual({ applied: [] });
  });

  it("cannot change or erase the audit trail, nor disarm its triggers or change the schema", async () => {
    const refused: Record<string, string> = {};
    for (const sql of [
      `UPDATE audit_event SET actor = 'someone-else'`,
      `DELETE FROM audit_event`,
      `TRUNCATE audit_event`,
      `DROP TRIGGER audit_event_no_update_delete ON audit_event`,
      `ALTER TABLE audit_event DISABLE TRIGGER ALL`,
      `ALTER TABLE audit_event ADD COLUMN note text`,
      `DROP TABLE audit_event`,
      `CREATE TABLE sneaky (id int)`,
      `CREATE SCHEMA sneaky`,
      `CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql`,
      `DELETE FROM _prisma_migrations`,
    ]) {
      refused[sql] = await asApp(appUrl, sql);
    }
    for (const [sql, outcome] of Object.entries(refused)) {
      expect(outcome, sql).toMatch(/permission denied|must be owner/);
    }
    expect(await t.db.auditEvent.count({ where: { action: "settings.update" } })).toBe(1);
  });
});
