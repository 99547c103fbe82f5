// Profiling aid: a persistent bench-sized database (.data/profile-pg) with a synthetic organization,
// left running so its exports can be timed and EXPLAIN ANALYZEd by hand (psql on the printed URL).
// `node --import tsx scripts/bench/profile-db.ts --accounts 1000`; PostgreSQL keeps running after the
// script exits: stop it with `kill -INT <pid of postgres -D .data/profile-pg>`.
import path from "node:path";
import { parseArgs } from "node:util";
import { loadDemo } from "../../lib/collect/load-demo";
import { bindDemoGroups } from "../../lib/setup/bind-demo-groups";
import { createPrismaClient } from "../../lib/db/client";
import { projectRoot, startEmbeddedPostgres } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrate";

const { values } = parseArgs({ options: { accounts: { type: "string", default: "1000" } } });
const log = (s: string) => process.stderr.write(`[profile] ${s}\n`);
const database = await startEmbeddedPostgres({
  dataDir: path.join(projectRoot(), ".data", "profile-pg"),
  database: "orglens_profile",
  log,
});
await applyMigrations(database.url, { log });
const db = createPrismaClient(database.url);
const accounts = Number(values.accounts);
const result = await loadDemo(db, database.url, { accounts, months: 14 });
await bindDemoGroups(db, { ORGLENS_DEPLOYMENT: "demo" });
await db.$disconnect();
log(`loaded: ${result.status}; DATABASE_URL=${database.url}`);
process.stdout.write(`${database.url}\n`);
