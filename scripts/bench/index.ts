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
//   --only <a,b,…>    only these parts (default all): ce, request-cost, showback, export, ou-tree, load,
//                     collector-memory (a full backfill per size, in a process of its own), audit (member-account
//                     audits, once per run: --audit-accounts 1000, --audit-latency-ms 50, 1 then 2 workers)
// BENCHMARKS.md is rewritten after the audit and after every size, so a long run that is stopped keeps
// what it measured so far.
import { spawn } from "node:child_process";
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
  type AwsAuditFigures,
  type BenchFigures,
  type BenchRun,
  type CollectorMemoryFigures,
} from "./report";
import { z } from "zod";
import { benchRequestCost } from "./request-cost";
import { startBenchServer, type BenchServer } from "./server";
import { benchShowback } from "./showback";
import { NOTES } from "./notes";
import { runAnomalyBench } from "./anomalies";
import { runCePlanBench } from "./ce-plan";
import { benchAwsAudit } from "./aws-audit";
import { parseParts, type BenchPart } from "./options";

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
    only: { type: "string" },
    "audit-accounts": { type: "string", default: "1000" },
    "audit-latency-ms": { type: "string", default: "50" },
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

/**
 * A full Cost Explorer backfill of `accounts` accounts in a process of its own (its heap is what is
 * measured, so nothing of this process may be in it), with its own embedded PostgreSQL.
 */
function collectorMemory(accounts: number): Promise<CollectorMemoryFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--expose-gc",
        "--import",
        "tsx",
        path.join(projectRoot(), "scripts/bench/collector-memory.ts"),
        "--accounts",
        String(accounts),
        "--json",
      ],
      { cwd: projectRoot(), stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => {
      const text = c.toString("utf8");
      err = (err + text).slice(-4_000);
      for (const line of text.split("\n")) if (/so far|full backfill/.test(line)) log(line.trim());
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`collector-memory exited with ${code}: ${err}`));
      try {
        const f = ZCollectorMemory.parse(JSON.parse(out.slice(out.indexOf("{"))));
        if (!f.status.startsWith("succeeded")) throw new Error(`the backfill ended ${f.status}`);
        resolve({
          accounts: f.accounts,
          peakHeapMb: f.peakLiveHeapMb,
          peakUsedHeapMb: f.peakUsedHeapMb,
          peakRssMb: f.peakRssMb,
          baselineHeapMb: f.baselineHeapMb,
          seconds: f.seconds,
          monthlyRows: f.stored.monthly,
        });
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}

const ZCollectorMemory = z.object({
  accounts: z.number(),
  baselineHeapMb: z.number(),
  peakLiveHeapMb: z.number(),
  peakUsedHeapMb: z.number(),
  peakRssMb: z.number(),
  seconds: z.number(),
  stored: z.object({ monthly: z.number() }),
  status: z.string(),
});

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
    if (parts.has("ce"))
      figures.costExplorer = await attempt("Cost Explorer requests", errors, () =>
        benchCostExplorer(accounts),
      );
    const needsServer = (["request-cost", "showback", "export", "ou-tree", "load"] as const).some(
      (p) => parts.has(p),
    );
    if (!needsServer) return figures;
    server = await startBenchServer(database.url, { build, log });
    const s = server;
    if (parts.has("request-cost"))
      figures.requestCost = await attempt("per-request cost of a cached answer", errors, () =>
        benchRequestCost(s, () => invalidateResponses(database.url)),
      );
    if (parts.has("showback"))
      figures.showback = await attempt("showback API vs naive SQL", errors, () =>
        benchShowback(s, database.url, span, Number(values.runs)),
      );
    if (parts.has("export"))
      figures.export = await attempt("CSV export vs COPY", errors, () =>
        benchExport(s, database.url, monthRange(span.first, span.last)),
      );
    if (parts.has("ou-tree"))
      figures.ouTree = await attempt("OU tree page in Chromium", errors, () =>
        benchOuTree(s, () => invalidateResponses(database.url)),
      );
    if (parts.has("load"))
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
let parts: Set<BenchPart>;
try {
  sizes = parseSizes(values.sizes ?? values.accounts);
  parts = parseParts(values.only);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
}

const runs: BenchFigures[] = [];
let audit: AwsAuditFigures | undefined;
const auditErrors: string[] = [];

/** The run so far: the main table describes 5,000 accounts when measured, else the largest size. */
function runSoFar(): BenchRun | null {
  const main5000 = runs.find((r) => r.organization.accounts === 5000) ?? runs.at(-1);
  if (!main5000) return null;
  const main = {
    ...main5000,
    awsAudit: audit,
    errors: [...main5000.errors, ...auditErrors],
  };
  return {
    main,
    sizes: runs.map((r) => (r === main5000 ? main : r)),
    growth: runs.length > 1 ? growthOf(runs) : [],
  };
}

if (parts.has("audit")) {
  const accounts = Number(values["audit-accounts"]);
  const figures = await attempt(`member-account audits, ${accounts} accounts`, auditErrors, () =>
    benchAwsAudit({
      accounts,
      latencyMs: Number(values["audit-latency-ms"]),
      workers: [1, 2],
      concurrency: 16,
      log,
    }),
  );
  const one = figures?.runs.find((r) => r.workers === 1);
  const two = figures?.runs.find((r) => r.workers === 2);
  if (figures && one && two)
    audit = {
      accounts: figures.accounts,
      oneWorkerSeconds: one.seconds,
      twoWorkersSeconds: two.seconds,
      latencyMs: figures.latencyMs,
      runs: figures.runs,
    };
}

for (const [i, accounts] of sizes.entries()) {
  log(`— ${accounts} accounts (${i + 1} of ${sizes.length}) —`);
  // One build serves every size.
  const figures = await main(accounts, i === 0 && !values["skip-build"]);
  if (parts.has("collector-memory")) {
    const m = await attempt(
      `collector peak heap, full backfill of ${accounts} accounts`,
      figures.errors,
      () => collectorMemory(accounts),
    );
    if (m) figures.collectorMemory = [m];
  }
  runs.push(figures);
  const partial = runSoFar();
  if (partial && i < sizes.length - 1) {
    writeBenchmarksMd(partial, NOTES);
    log(`BENCHMARKS.md written with ${runs.length} of ${sizes.length} sizes`);
  }
}
const run = runSoFar();
if (!run) throw new Error("no organization size was run");
printTable(run, log);
writeBenchmarksMd(run, NOTES);
if (values.json) console.log(JSON.stringify(jsonReport(run), null, 2));
process.exit(0);
