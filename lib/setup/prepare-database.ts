// Brings a database to the current schema and, for a demo deployment, loads the demo organization once
// and maps the demo sign-in's groups to roles.
import { applyMigrations } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import { loadDemo } from "@/lib/collect/load-demo";
import { closeDemoPeriod } from "@/lib/server/chargeback/close-demo-period";
import { seedDemoEvents } from "@/lib/collect/seed-demo-events";
import { isDemoDeploymentEnv } from "@/lib/env-schema";
import { bindDemoGroups } from "./bind-demo-groups";

export interface PrepareOptions {
  demo: boolean;
  /** Demo size (accounts); defaults to the demo source's default. */
  demoAccounts?: number;
  /** Monthly demo runs before today's, for KPI trends and findings history. Default 6. */
  demoHistory?: number;
  log?: (line: string) => void;
}

export async function prepareDatabase(databaseUrl: string, opts: PrepareOptions): Promise<void> {
  const log = opts.log ?? (() => {});
  if (opts.demo && !isDemoDeploymentEnv({ ORGLENS_DEPLOYMENT: process.env.ORGLENS_DEPLOYMENT })) {
    throw new Error(
      "The demo organization is only loaded in a demo deployment: set ORGLENS_DEPLOYMENT=demo (npm run demo does).",
    );
  }
  const { applied } = await applyMigrations(databaseUrl, { log });
  if (applied.length) log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
  if (!opts.demo) return;
  const db = createPrismaClient(databaseUrl);
  try {
    if ((await db.organization.count()) > 0) return;
    log("Loading the demo organization…");
    const started = Date.now();
    const result = await loadDemo(db, databaseUrl, {
      accounts: opts.demoAccounts,
      history: opts.demoHistory ?? 6,
      closePeriod: (tx, month) => closeDemoPeriod(tx, month),
    });
    if (result.status === "failed")
      throw new Error(`Loading the demo organization failed: ${result.error}`);
    await bindDemoGroups(db);
    // After the latest run, as EventBridge would deliver them: a few event-driven findings.
    await seedDemoEvents(db, result.runId);
    log(
      `Demo organization loaded: ${result.accountsSeen} accounts, ${(opts.demoHistory ?? 6) + 1} monthly runs and a late correction in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
  } finally {
    await db.$disconnect();
  }
}
