// Profiles the read load: a kept synthetic organization (.data/bench-profile-<n>, loaded once), the
// bench's production build (.next-bench, built by `npm run bench` first) started with a CPU profiler
// (cpu-profile-preload.cjs), each load path alone (latency and answer size), then the 50-client mix,
// and the server's top self-time functions from its CPU profile. --gzip asks as browsers do.
//   node --import tsx scripts/bench/profile-load.ts --accounts 1000 [--seconds 15] [--gzip] [--no-prof]
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { loadDemo } from "../../lib/collect/load-demo";
import { bindDemoGroups } from "../../lib/setup/bind-demo-groups";
import { createPrismaClient } from "../../lib/db/client";
import { projectRoot, startEmbeddedPostgres } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrate";
import { startBenchServer } from "./server";
import { loadPaths } from "./load";

const { values } = parseArgs({
  options: {
    accounts: { type: "string", default: "1000" },
    seconds: { type: "string", default: "15" },
    "no-prof": { type: "boolean", default: false },
    gzip: { type: "boolean", default: false },
    "load-only": { type: "boolean", default: false },
  },
});
const log = (s: string) => console.error(`[profile] ${s}`);
const accounts = Number(values.accounts);
const seconds = Number(values.seconds);
const dataDir = path.join(projectRoot(), ".data", `bench-profile-${accounts}`);
const profDir = path.join(projectRoot(), ".data", "cpu-profiles");

async function scalar(url: string, sql: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return String((await c.query<{ v: string }>(sql)).rows[0]?.v ?? "");
  } finally {
    await c.end();
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (name + file:line), the top `n`, as percentages of all samples. */
function topSelf(file: string, n = 30): string[] {
  const prof = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(prof.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  prof.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = prof.timeDeltas[i] ?? 0;
    if (!node) return;
    const f = node.callFrame;
    const where = f.url ? `${f.url.replace(/^.*node_modules\//, "")}:${f.lineNumber + 1}` : "";
    const key = `${f.functionName || "(anonymous)"} ${where}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k.slice(0, 150)}`);
}

async function main() {
  const database = await startEmbeddedPostgres({ dataDir, database: "orglens_bench", log });
  try {
    await applyMigrations(database.url, { log });
    const have = Number(await scalar(database.url, "SELECT count(*)::text AS v FROM account"));
    if (have < accounts) {
      log(`loading ${accounts} accounts (once; kept in ${dataDir})`);
      const db = createPrismaClient(database.url);
      const result = await loadDemo(db, database.url, { accounts, months: 14 });
      await bindDemoGroups(db, { ORGLENS_DEPLOYMENT: "demo" });
      await db.$disconnect();
      if (result.status === "failed") throw new Error(result.error ?? "load failed");
    }
    if (values["load-only"]) return;
    const ym = (
      await scalar(database.url, "SELECT to_char(max(month), 'YYYY-MM') AS v FROM cost_monthly")
    ).slice(0, 7);
    const paths = loadPaths(ym);
    rmSync(profDir, { recursive: true, force: true });
    mkdirSync(profDir, { recursive: true });
    const saved = process.env.NODE_OPTIONS;
    if (!values["no-prof"]) {
      // Node 20 refuses --cpu-prof in NODE_OPTIONS: a preload drives the profiler instead.
      const preload = path.join(projectRoot(), "scripts", "bench", "cpu-profile-preload.cjs");
      process.env.NODE_OPTIONS = `${saved ?? ""} --require ${preload}`.trim();
      process.env.ORGLENS_CPU_PROFILE_DIR = profDir;
    }
    const server = await startBenchServer(database.url, { build: false, log });
    process.env.NODE_OPTIONS = saved;
    const headers: Record<string, string> = { cookie: server.cookie };
    if (values.gzip) headers["accept-encoding"] = "gzip";
    try {
      for (const p of paths) {
        const res = await fetch(`${server.baseUrl}${p}`, { headers });
        const bytes = (await res.arrayBuffer()).byteLength;
        log(
          `${p}: HTTP ${res.status}, ${bytes} bytes read, ${res.headers.get("content-encoding") ?? "identity"}, ${res.headers.get("server-timing")}`,
        );
      }
      for (const p of paths) {
        const r = await autocannon({
          url: server.baseUrl,
          connections: 10,
          duration: Math.max(3, Math.round(seconds / 3)),
          headers,
          requests: [{ method: "GET", path: p }],
        });
        log(
          `alone ${p}: ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p97.5 ${r.latency.p97_5} ms, ${Math.round(r.throughput.average / 1024)} KiB/s, errors ${r.errors + r.timeouts}, non2xx ${r.non2xx}`,
        );
      }
      const mix = await autocannon({
        url: server.baseUrl,
        connections: 50,
        duration: seconds,
        headers,
        requests: paths.map((p) => ({ method: "GET", path: p })),
      });
      log(
        `mix (50 connections): ${Math.round(mix.requests.average)} req/s, p50 ${mix.latency.p50} ms, p97.5 ${mix.latency.p97_5} ms, p99 ${mix.latency.p99} ms, errors ${mix.errors + mix.timeouts}, non2xx ${mix.non2xx}`,
      );
    } finally {
      await server.stop();
    }
    for (const f of readdirSync(profDir).filter((f) => f.endsWith(".cpuprofile"))) {
      log(`top self time, ${f}:`);
      for (const line of topSelf(path.join(profDir, f))) console.error(`  ${line}`);
    }
  } finally {
    await database.stop();
  }
}

await main();
