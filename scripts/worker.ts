// `npm run worker`: a collector worker for distributed runs (`npm run collect -- --distributed`).
// Start any number, on any number of machines, each with AWS credentials that may assume the audit
// role and DATABASE_URL pointing at the OrgLens database. Stops gracefully on SIGTERM/SIGINT.
// Every worker also runs the scheduled reports (docs/reports.md); any number may: each period is sent once.
//   --name <id>         recorded with each account it audits (default: host name and pid)
//   --concurrency <n>   audits in flight at once (default ORGLENS_AWS_CONCURRENCY, 8)
//   --reports-only      only the report scheduler: no AWS credentials needed (what `npm run demo` runs)
import { hostname } from "node:os";
import { parseArgs } from "node:util";
import { z } from "zod";
import { startAuditWorker } from "../lib/collect/distributed/worker";
import { loadQueueSettings } from "../lib/collect/distributed/queue";
import { loadAwsConfig } from "../lib/collect/sources/aws/config";
import { describeAwsError } from "../lib/collect/sources/aws/errors";
import { createPrismaClient } from "../lib/db/client";
import { resolveDatabase } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { startReportScheduler } from "../lib/server/reports/start-report-scheduler";

const { values } = parseArgs({
  options: {
    name: { type: "string" },
    concurrency: { type: "string" },
    "reports-only": { type: "boolean" },
  },
});
const log = (line: string) => console.error(`[orglens-worker] ${line}`);

const untilStopped = () =>
  new Promise<void>((resolve) => {
    process.once("SIGTERM", () => resolve());
    process.once("SIGINT", () => resolve());
  });

/** The report scheduler alone: the demo's, or a deployment without distributed collection. */
async function reportsOnly(): Promise<number> {
  const database = await resolveDatabase(log);
  const db = createPrismaClient(database.url);
  try {
    await applyMigrations(database.url, { log });
    const reports = await startReportScheduler(db, database.url, { log });
    log("report scheduler running");
    await untilStopped();
    await reports.stop();
    return 0;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

async function main(): Promise<number> {
  if (values["reports-only"]) return reportsOnly();
  let config, queue, concurrency;
  try {
    config = loadAwsConfig();
    queue = loadQueueSettings();
    concurrency = values.concurrency
      ? z.coerce.number().int().min(1).max(64).parse(values.concurrency)
      : config.concurrency;
  } catch (err) {
    if (!(err instanceof z.ZodError)) throw err;
    log("Invalid worker configuration (see docs/deployment.md; --concurrency takes 1 to 64):");
    for (const issue of err.issues)
      log(`  ${issue.path.join(".") || "--concurrency"}: ${issue.message}`);
    return 2;
  }
  const database = await resolveDatabase(log);
  const db = createPrismaClient(database.url);
  try {
    await applyMigrations(database.url, { log });
    let worker;
    try {
      worker = await startAuditWorker(db, database.url, {
        name: values.name ?? `${hostname()}:${process.pid}`,
        config,
        queue,
        concurrency,
        log,
      });
    } catch (err) {
      // No credentials, or ones that cannot call STS: say so instead of a stack trace.
      log(`Could not start: ${describeAwsError(err)}`);
      return 1;
    }
    const reports = await startReportScheduler(db, database.url, { log });
    await untilStopped();
    log("stopping: finishing the audits in flight");
    await reports.stop();
    await worker.stop();
    return 0;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

process.exitCode = await main();
