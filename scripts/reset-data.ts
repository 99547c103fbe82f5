// `npm run db:reset-data -- --yes`: deletes the collected data (organization, costs, evidence,
// findings, KPIs, runs) so that the database can take another source: the demo after a real
// organization, or the reverse. Configuration and the audit trail stay. Uses DATABASE_URL, or the
// embedded Postgres in .data/pg when it is unset.
import { userInfo } from "node:os";
import { resetCollectedData } from "../lib/collect/store/reset-collected-data";
import { createPrismaClient } from "../lib/db/client";
import { resolveDatabase, stopOnExit } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";

const log = (line: string) => console.error(`[orglens] ${line}`);

async function main(): Promise<number> {
  if (!process.argv.includes("--yes")) {
    log("This deletes every collected organization, cost, finding, KPI and run in the database.");
    log("Settings, budgets, rules, alert channels, requests, tokens and the audit trail are kept");
    log("(except the demo's own budgets and account requests when the database holds the demo).");
    log("Run it again with --yes to go ahead: npm run db:reset-data -- --yes");
    return 2;
  }
  const database = await resolveDatabase(log);
  stopOnExit(database);
  const db = createPrismaClient(database.url);
  try {
    await applyMigrations(database.url, { log });
    const s = await resetCollectedData(db, `cli:${userInfo().username}`);
    log(
      `Deleted ${s.runs} run(s), ${s.accounts} account(s), ${s.costRows} cost row(s), ${s.findings} finding(s), ${s.demoRoleBindings} demo role binding(s), ${s.demoBudgets} demo budget(s) and ${s.demoRequests} demo account request(s).`,
    );
    log("The next collection (npm run collect, or the demo) starts from an empty organization.");
    return 0;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`reset failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
