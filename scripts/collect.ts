// `npm run collect`: one collection run against the AWS Organization of the current credentials.
//   --json       machine-readable summary on stdout
//   --backfill   refetch every month of Cost Explorer history (after raising ORGLENS_CE_HISTORY_MONTHS)
//   --distributed  fan member-account audits out to `npm run worker` processes (or ORGLENS_DISTRIBUTED=true)
// Exit codes: 0 succeeded, 1 failed, 2 bad configuration, 3 partial, 4 capped, 75 already running.
import { z } from "zod";
import { collectAwsDistributed } from "../lib/collect/distributed/collect-distributed";
import { RunAlreadyInProgressError } from "../lib/collect/run";
import { collectAws, loadAwsConfig, type AwsCollectorConfig } from "../lib/collect/sources/aws";
import { createPrismaClient } from "../lib/db/client";
import { resolveDatabase } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";

const EXIT = { succeeded: 0, failed: 1, config: 2, partial: 3, capped: 4, busy: 75 } as const;
const json = process.argv.includes("--json");
const distributed =
  process.argv.includes("--distributed") || process.env.ORGLENS_DISTRIBUTED === "true";
const log = (line: string) => console.error(`[orglens] ${line}`);

function config(): AwsCollectorConfig | null {
  try {
    return loadAwsConfig(process.env, { forceBackfill: process.argv.includes("--backfill") });
  } catch (err) {
    if (!(err instanceof z.ZodError)) throw err;
    log("Invalid collector configuration (see docs/aws-setup.md):");
    for (const issue of err.issues) log(`  ${issue.path.join(".")}: ${issue.message}`);
    return null;
  }
}

async function main(): Promise<number> {
  const cfg = config();
  if (!cfg) return EXIT.config;
  const database = await resolveDatabase(log);
  const db = createPrismaClient(database.url);
  try {
    await applyMigrations(database.url, { log });
    log(
      `Collecting from AWS (regions ${cfg.regions.join(", ")}, role ${cfg.roleName}, Cost Explorer cap ${cfg.ceMaxRequests} requests)…`,
    );
    const options = { config: cfg, triggeredBy: "cli", log };
    if (distributed)
      log(
        "Distributed: member-account audits go to the worker queue (start workers with npm run worker).",
      );
    const result = distributed
      ? await collectAwsDistributed(db, database.url, options)
      : await collectAws(db, database.url, options);
    const out = {
      runId: result.runId,
      status: result.status,
      error: result.error,
      accounts: {
        seen: result.accountsSeen,
        audited: result.accountsAudited,
        failed: result.accountsFailed,
      },
      costExplorer: { requests: result.ceRequests, costUsd: result.ceCostUsd },
      summary: result.summary,
    };
    if (json) console.log(JSON.stringify(out, null, 2));
    log(
      `Run ${result.runId}: ${result.status}. Accounts ${result.accountsSeen} seen, ${result.accountsAudited} audited, ${result.accountsFailed} failed. ` +
        `Cost Explorer: ${result.ceRequests} requests ($${result.ceCostUsd}).${result.error ? ` ${result.error}` : ""}`,
    );
    return EXIT[result.status];
  } catch (err) {
    if (!(err instanceof RunAlreadyInProgressError)) throw err;
    if (json) console.log(JSON.stringify({ status: "already-running", error: err.message }));
    log(err.message);
    return EXIT.busy;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

process.exitCode = await main();
