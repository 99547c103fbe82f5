// Collector memory of a full Cost Explorer backfill: the run engine (lib/collect/run.ts) with a source
// that streams the counting fake's pages (testing/aws/fake-cost-explorer.ts) into the run's staging,
// then the store transaction that moves them into the cost tables, against a real embedded Postgres.
// Heap is sampled while the run goes: V8's used heap every 50 ms (garbage included) and the live heap
// after a full GC every 500 ms (--expose-gc), with the process's RSS.
//   node --expose-gc --import tsx scripts/bench/collector-memory.ts --accounts 5000 [--json]
// (npm run bench:collector-memory -- --accounts 20000). `benchCollectorMemory` is what a bench report calls.
import { rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import v8 from "node:v8";
import {
  CostExplorerClient,
  type GetCostAndUsageCommandInput,
} from "@aws-sdk/client-cost-explorer";
import pg from "pg";
import { runCollection } from "../../lib/collect/run";
import { planCostFetch } from "../../lib/collect/sources/aws/cost-plan";
import { streamCosts } from "../../lib/collect/sources/aws/costs";
import { RequestMeter } from "../../lib/collect/sources/aws/meter";
import { createPrismaClient } from "../../lib/db/client";
import { projectRoot, startEmbeddedPostgres } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrate";
import { FakeCostExplorer } from "../../testing/aws/fake-cost-explorer";

export interface CollectorMemoryFigures {
  accounts: number;
  /** Target: peak live heap of the backfill at most this, at any organization size. */
  targetMb: number;
  /** Live heap after a full GC before the run (modules, Prisma client): the floor of the figures below. */
  baselineHeapMb: number;
  /** Highest live heap (after a full GC) sampled during the run: what the collector holds. */
  peakLiveHeapMb: number;
  /** Highest V8 used heap sampled, garbage not yet collected included. */
  peakUsedHeapMb: number;
  peakRssMb: number;
  seconds: number;
  ceRequests: number;
  stored: { monthly: number; daily: number; byTag: number; byDimension: number; charges: number };
  status: string;
}

const NOW = new Date("2025-06-15T08:00:00Z");
const TAG_KEYS = ["owner", "project", "cost-center"];
const MB = 1024 * 1024;

function isCostAndUsage(input: object): input is GetCostAndUsageCommandInput {
  return "TimePeriod" in input && "Granularity" in input;
}

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error("run with node --expose-gc (the live heap needs a full GC)");
  collect();
}

/** Peak heap and RSS while `fn` runs; `report` hears the peaks so far every 30 s (a long run's interim figures). */
async function sampled<T>(fn: () => Promise<T>, report: (line: string) => void) {
  let used = 0;
  let live = 0;
  let rss = 0;
  const sampleUsed = () => {
    used = Math.max(used, v8.getHeapStatistics().used_heap_size);
    rss = Math.max(rss, process.memoryUsage().rss);
  };
  const sampleLive = () => {
    gc();
    live = Math.max(live, v8.getHeapStatistics().used_heap_size);
  };
  const fast = setInterval(sampleUsed, 50);
  const slow = setInterval(sampleLive, 500);
  const interim = setInterval(
    () =>
      report(
        `so far: peak live heap ${Math.round(live / MB)} MB, peak used heap ${Math.round(used / MB)} MB, peak RSS ${Math.round(rss / MB)} MB`,
      ),
    30_000,
  );
  try {
    const result = await fn();
    sampleUsed();
    sampleLive();
    return { result, used, live, rss };
  } finally {
    clearInterval(fast);
    clearInterval(slow);
    clearInterval(interim);
  }
}

async function countRows(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const count = async (table: string) =>
      Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
    return {
      monthly: await count("cost_monthly"),
      daily: await count("cost_daily"),
      byTag: await count("cost_by_tag"),
      byDimension: await count("cost_by_dimension"),
      charges: await count("cost_charge"),
    };
  } finally {
    await client.end();
  }
}

/** A full 14-month backfill of `accounts` accounts through the run engine into `databaseUrl`. */
export async function benchCollectorMemory(
  accounts: number,
  databaseUrl: string,
  log: (line: string) => void = () => {},
): Promise<CollectorMemoryFigures> {
  const fake = new FakeCostExplorer({
    accounts,
    pageSize: 1_000,
    today: "2025-06-15",
    estimatedFrom: "2025-05-01",
  });
  const db = createPrismaClient(databaseUrl);
  const client = new CostExplorerClient({
    region: "us-east-1",
    credentials: { accessKeyId: "a", secretAccessKey: "b" },
  });
  // The fake answers in the client's first middleware step, before any HTTP: a request mock that
  // records its calls (aws-sdk-client-mock keeps every page it returned) would grow the heap itself.
  client.middlewareStack.add(
    () => (args) => {
      if (!isCostAndUsage(args.input)) throw new Error("the fake answers GetCostAndUsage only");
      return Promise.resolve({ output: fake.handle(args.input), response: {} });
    },
    { step: "initialize", name: "fakeCostExplorer" },
  );
  const meter = new RequestMeter(10_000_000, "0.01");
  try {
    gc();
    const baseline = v8.getHeapStatistics().used_heap_size;
    const started = performance.now();
    const run = await sampled(
      () =>
        runCollection(db, databaseUrl, {
          source: "aws",
          produce: async ({ costs }) => {
            const plan = planCostFetch(
              NOW,
              14,
              { backfilled: false, estimatedMonths: [], tagKeyMonths: {} },
              TAG_KEYS,
            );
            const meta = await streamCosts(client, meter, plan, false, () => {}, costs, {
              sleep: async () => {},
            });
            return {
              source: "aws",
              collectedAt: NOW.toISOString(),
              organization: { id: "o-bench00001", managementAccountId: "100000000000" },
              orgUnits: [{ id: "r-bench", parentId: null, name: "Root" }],
              accounts: [],
              costs: { ...meta, monthly: [] },
            };
          },
        }),
      (line) => log(`${line}; ${meter.ceRequests} requests`),
    );
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    return {
      accounts,
      targetMb: 200,
      baselineHeapMb: Math.round(baseline / MB),
      peakLiveHeapMb: Math.round(run.live / MB),
      peakUsedHeapMb: Math.round(run.used / MB),
      peakRssMb: Math.round(run.rss / MB),
      seconds,
      ceRequests: meter.ceRequests,
      stored: await countRows(databaseUrl),
      status: run.result.error ? `${run.result.status}: ${run.result.error}` : run.result.status,
    };
  } finally {
    client.destroy();
    await db.$disconnect();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      accounts: { type: "string", default: "5000" },
      json: { type: "boolean", default: false },
    },
  });
  const log = (s: string) => console.error(`[collector-memory] ${s}`);
  const accounts = Number(values.accounts);
  const dataDir = path.join(projectRoot(), ".data", "bench-pg", `collector-${process.pid}`);
  const database = await startEmbeddedPostgres({
    dataDir,
    ephemeral: true,
    database: "orglens_bench",
    log,
  });
  try {
    await applyMigrations(database.url, { log });
    log(`full backfill of ${accounts} accounts × 14 months`);
    const figures = await benchCollectorMemory(accounts, database.url, log);
    if (values.json) console.log(JSON.stringify(figures, null, 2));
    else
      console.log(
        `${accounts} accounts: peak live heap ${figures.peakLiveHeapMb} MB (target ≤ ${figures.targetMb} MB, ` +
          `${figures.peakLiveHeapMb <= figures.targetMb ? "met" : "missed"}; baseline ${figures.baselineHeapMb} MB), ` +
          `peak used heap ${figures.peakUsedHeapMb} MB, peak RSS ${figures.peakRssMb} MB, ${figures.seconds} s, ` +
          `${figures.ceRequests} requests, ${figures.stored.monthly} monthly rows stored, run ${figures.status}`,
      );
  } finally {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename))
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
