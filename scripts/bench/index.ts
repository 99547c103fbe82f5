// `npm run bench`: a 5,000-account × 14-month synthetic organization in a throw-away embedded
// Postgres (.data/bench-pg), served by a production build; measures showback, CSV export, the OU
// tree page, Cost Explorer requests and a read load, prints a table and writes BENCHMARKS.md.
//   --json            the figures as JSON on stdout (progress goes to stderr)
//   --accounts <n>    organization size (default 5000)      --duration <s>  read load length (default 60)
//   --runs <n>        timed requests per showback case (30)  --skip-build    reuse .next-bench if built
//   --sizes <a,b,…>   run everything once per organization size (e.g. 1000,5000,20000) and add the
//                     growth curve; the table describes 5,000 accounts when measured, else the largest
//   --anomalies       only the anomaly detector (quality on the labeled set, speed); no database
//   --ce-only         only the Cost Explorer request plan at 500 and 5,000 accounts; no database
import { readdirSync, rmSync } from "node:fs";
import { cpus } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { loadDemo } from "../../lib/collect/load-demo";
import { bindDemoGroups } from "../../lib/setup/bind-demo-groups";
import { monthRange } from "../../lib/domain/months";
import { createPrismaClient } from "../../lib/db/client";
import { projectRoot, startEmbeddedPostgres } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrate";
import { benchCostExplorer } from "./cost-explorer";
import { benchExport } from "./export";
import { benchLoad } from "./load";
import { benchOuTree } from "./ou-tree";
import { growthOf } from "./growth";
import { parseSizes } from "./options";
import {
  jsonReport,
  printTable,
  writeBenchmarksMd,
  type BenchFigures,
  type BenchRun,
} from "./report";
import { benchRequestCost } from "./request-cost";
import { startBenchServer, type BenchServer } from "./server";
import { benchShowback } from "./showback";
import { NOTES } from "./notes";
import { runAnomalyBench } from "./anomalies";
import { runCePlanBench } from "./ce-plan";

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    accounts: { type: "string", default: "5000" },
    duration: { type: "string", default: "60" },
    runs: { type: "string", default: "30" },
    "skip-build": { type: "boolean", default: false },
    anomalies: { type: "boolean", default: false },
    sizes: { type: "string" },
    "ce-only": { type: "boolean", default: false },
  },
});
const log = (s: string) => console.error(`[bench] ${s}`);
const months = 14;
// Per process, so a trial run and a full run never share a cluster.
const dataDir = path.join(projectRoot(), ".data", "bench-pg", `run-${process.pid}`);

async function attempt<T>(
  what: string,
  errors: string[],
  fn: () => Promise<T>,
): Promise<T | undefined> {
  log(what);
  try {
    return await fn();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    errors.push(`${what}: ${message.slice(0, 300)}`);
    log(`FAILED ${what}: ${message}`);
    return undefined;
  }
}

async function counts(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const one = async (sql: string) => String((await c.query<{ v: string }>(sql)).rows[0]?.v ?? "");
    return {
      monthly: Number(await one("SELECT count(*)::text AS v FROM cost_monthly")),
      daily: Number(await one("SELECT count(*)::text AS v FROM cost_daily")),
      byTag: Number(await one("SELECT count(*)::text AS v FROM cost_by_tag")),
      first: await one("SELECT to_char(min(month), 'YYYY-MM-DD') AS v FROM cost_monthly"),
      last: await one("SELECT to_char(max(month), 'YYYY-MM-DD') AS v FROM cost_monthly"),
    };
  } finally {
    await c.end();
  }
}

/** A finished transaction with an id moves the data version: the server's cached answers are no longer served. */
async function invalidateResponses(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query("SELECT pg_current_xact_id()");
  } finally {
    await c.end();
  }
}

async function main(accounts: number, build: boolean): Promise<BenchFigures> {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(`${dataDir}.json`, { force: true });
  const database = await startEmbeddedPostgres({
    dataDir,
    ephemeral: true,
    database: "orglens_bench",
    log,
  });
  let server: BenchServer | undefined;
  const errors: string[] = [];
  try {
    await applyMigrations(database.url, { log });
    const db = createPrismaClient(database.url);
    log(`loading a synthetic organization: ${accounts} accounts × ${months} months`);
    const started = performance.now();
    const result = await loadDemo(db, database.url, { accounts, months });
    const loadSeconds = Math.round((performance.now() - started) / 100) / 10;
    // A throw-away demo deployment: its server signs in through the demo users' groups.
    await bindDemoGroups(db, { ORGLENS_DEPLOYMENT: "demo" });
    await db.$disconnect();
    if (result.status === "failed")
      throw new Error(`loading the organization failed: ${result.error}`);
    const n = await counts(database.url);
    log(
      `loaded in ${loadSeconds} s: ${n.monthly} monthly, ${n.daily} daily, ${n.byTag} by-tag rows`,
    );
    const span = { first: n.first, last: n.last };
    const figures: BenchFigures = {
      date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
      machine: `${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, Node ${process.version}`,
      organization: {
        accounts,
        months,
        costMonthlyRows: n.monthly,
        costDailyRows: n.daily,
        costByTagRows: n.byTag,
        loadSeconds,
      },
      errors,
    };
    figures.costExplorer = await attempt("Cost Explorer requests", errors, () =>
      benchCostExplorer(accounts),
    );
    server = await startBenchServer(database.url, { build, log });
    const s = server;
    figures.requestCost = await attempt("per-request cost of a cached answer", errors, () =>
      benchRequestCost(s, () => invalidateResponses(database.url)),
    );
    figures.showback = await attempt("showback API vs naive SQL", errors, () =>
      benchShowback(s, database.url, span, Number(values.runs)),
    );
    figures.export = await attempt("CSV export vs COPY", errors, () =>
      benchExport(s, database.url, monthRange(span.first, span.last)),
    );
    figures.ouTree = await attempt("OU tree page in Chromium", errors, () =>
      benchOuTree(s, () => invalidateResponses(database.url)),
    );
    figures.load = await attempt(`read load, 50 clients for ${values.duration} s`, errors, () =>
      benchLoad(s, Number(values.duration), span.last),
    );
    return figures;
  } finally {
    await server?.stop();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
    const parent = path.dirname(dataDir);
    if (!readdirSync(parent).length) rmSync(parent, { recursive: true });
  }
}

if (values.anomalies) {
  const f = runAnomalyBench(log);
  log(`anomaly detection: ${f.speed.seconds} s; section written to BENCHMARKS.md`);
  if (values.json) console.log(JSON.stringify(f, null, 2));
  process.exit(0);
}

if (values["ce-only"]) {
  const f = await runCePlanBench(log);
  log("Cost Explorer request plan: section written to BENCHMARKS.md");
  if (values.json) console.log(JSON.stringify(f, null, 2));
  process.exit(0);
}

let sizes: number[];
try {
  sizes = parseSizes(values.sizes ?? values.accounts);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
}
const runs: BenchFigures[] = [];
for (const [i, accounts] of sizes.entries()) {
  log(`— ${accounts} accounts (${i + 1} of ${sizes.length}) —`);
  // One build serves every size.
  runs.push(await main(accounts, i === 0 && !values["skip-build"]));
}
const main5000 = runs.find((r) => r.organization.accounts === 5000) ?? runs.at(-1);
if (!main5000) throw new Error("no organization size was run");
const run: BenchRun = {
  main: main5000,
  sizes: runs,
  growth: runs.length > 1 ? growthOf(runs) : [],
};
printTable(run, log);
writeBenchmarksMd(run, NOTES);
if (values.json) console.log(JSON.stringify(jsonReport(run), null, 2));
process.exit(0);
