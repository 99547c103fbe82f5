// `npm run worker`: a collector worker for distributed runs (`npm run collect -- --distributed`).
// Start any number, on any number of machines, each with AWS credentials that may assume the audit
// role and DATABASE_URL pointing at the OrgLens database. Stops gracefully on SIGTERM/SIGINT.
//   --name <id>         recorded with each account it audits (default: host name and pid)
//   --concurrency <n>   audits in flight at once (default ORGLENS_AWS_CONCURRENCY, 8)
import { hostname } from "node:os";
import { parseArgs } from "node:util";
import { z } from "zod";
import { startAuditWorker } from "../lib/collect/distributed/worker";
import { loadQueueSettings } from "../lib/collect/distributed/queue";
import { loadAwsConfig } from "../lib/collect/sources/aws/config";
import { createPrismaClient } from "../lib/db/client";
import { resolveDatabase } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";

const { values } = parseArgs({ options: { name: { type: "string" }, concurrency: { type: "string" } } });
const log = (line: string) => console.error(`[orglens-worker] ${line}`);

async function main(): Promise<number> {
  let config, queue;
  try {
    config = loadAwsConfig();
    queue = loadQueueSettings();
  } catch (err) {
    if (!(err instanceof z.ZodError)) throw err;
    log("Invalid worker configuration (see docs/deployment.md):");
    for (const issue of err.issues) log(`  ${issue.path.join(".")}: ${issue.message}`);
    return 2;
  }
  const concurrency = values.concurrency ? z.coerce.number().int().min(1).max(64).parse(values.concurrency) : config.concurrency;
  const database = await resolveDatabase(log);
  const db = createPrismaClient(database.url);
  await applyMigrations(database.url, { log });
  const worker = await startAuditWorker(db, database.url, { name: values.name ?? `${hostname()}:${process.pid}`, config, queue, concurrency, log });
  await new Promise<void>((resolve) => {
    process.once("SIGTERM", () => resolve());
    process.once("SIGINT", () => resolve());
  });
  log("stopping: finishing the audits in flight");
  await worker.stop();
  await db.$disconnect();
  await database.stop();
  return 0;
}

process.exitCode = await main();
