// Benchmark: wall time of the member-account audit phase through the real distributed path, N
// accounts in moto behind a proxy that adds a fixed latency to every AWS call, with 1 and 2 worker
// processes (`scripts/worker.ts`, as `npm run worker` runs them) on one Postgres. The organization
// is built once; each measurement is a fresh run over the same moto state.
//   npx tsx scripts/bench/aws-audit.ts [--accounts 1000] [--latency-ms 50] [--workers 1,2]
//                                      [--concurrency 16] [--json]
// `benchAwsAudit()` is the same measurement for `npm run bench` to call. A benchmark, not a test.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { distributedAuditor } from "../../lib/collect/distributed/coordinator";
import { loadQueueSettings, startQueue } from "../../lib/collect/distributed/queue";
import type { AuditContext } from "../../lib/collect/sources/aws/audit-account";
import { loadAwsConfig } from "../../lib/collect/sources/aws/config";
import { RequestMeter } from "../../lib/collect/sources/aws/meter";
import { RunNotes } from "../../lib/collect/sources/aws/notes";
import { AccountSessions } from "../../lib/collect/sources/aws/sessions";
import { readOrgTree } from "../../lib/collect/sources/aws/org-tree";
import { createPrismaClient } from "../../lib/db/client";
import { projectRoot, startEmbeddedPostgres } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrate";
import { startLatencyProxy } from "../../testing/aws/latency-proxy";
import { BASE_CREDENTIALS } from "../../testing/aws/moto-org";
import { startMoto } from "../../testing/moto";
import { buildAuditBenchOrg } from "./aws-audit-org";

export interface AwsAuditOptions {
  accounts: number;
  latencyMs: number;
  /** Worker counts to measure, in order (default 1 then 2). */
  workers: number[];
  /** Audits in flight per worker (`npm run worker -- --concurrency`). */
  concurrency: number;
  log: (line: string) => void;
  /** Write a V8 CPU profile of each worker process here (`node --cpu-prof`). */
  profileDir?: string;
}

export interface AwsAuditRun {
  workers: number;
  concurrency: number;
  accounts: number;
  audited: number;
  failed: number;
  /** Wall time of the audit phase: jobs queued → every result stored → remaining trail buckets read. */
  seconds: number;
  /** AWS calls that went through the latency proxy during the phase. */
  requests: number;
  /** CPU seconds moto (single Python process) spent in the phase; near `seconds` = moto saturated. */
  motoCpuSeconds: number;
  /** CPU seconds of all worker processes in the phase (tsx start-up excluded). */
  workerCpuSeconds: number;
  /** The most frequent calls, "service:Operation" → count. */
  topOperations: Record<string, number>;
}

export interface AwsAuditFigures {
  accounts: number;
  latencyMs: number;
  buildSeconds: number;
  runs: AwsAuditRun[];
  targets: { oneWorkerSeconds: number; twoWorkerSpeedup: number };
  /** seconds(1 worker) / seconds(2 workers), when both were measured. */
  speedup: number | null;
  met: { oneWorker: boolean | null; twoWorkerSpeedup: boolean | null };
}

export const AWS_AUDIT_TARGETS = { oneWorkerSeconds: 120, twoWorkerSpeedup: 1.7 };

/** utime + stime of a process, in seconds (Linux /proc; 0 where it cannot be read). */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 14 and 15 of stat(5); this slice starts at field 3. Clock ticks are 100 Hz on Linux.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

function startWorker(
  name: string,
  env: NodeJS.ProcessEnv,
  concurrency: number,
  log: (line: string) => void,
  profileDir?: string,
): Promise<ChildProcess> {
  const root = projectRoot();
  const child = spawn(
    process.execPath,
    [
      ...(profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : []),
      // As `npm run worker` starts it: the report scheduler's modules are server-only.
      "--conditions=react-server",
      "--import",
      "tsx",
      path.join(root, "scripts/worker.ts"),
      "--name",
      name,
      "--concurrency",
      String(concurrency),
    ],
    { cwd: root, env, stdio: ["ignore", "ignore", "pipe"] },
  );
  let output = "";
  return new Promise((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      if (output.length < 100_000) output += text;
      if (/queue error|Could not start/.test(text)) log(`  ${name}: ${text.trim()}`);
      if (output.includes("waiting for audit jobs")) resolve(child);
    });
    child.once("exit", (code) =>
      reject(new Error(`worker ${name} exited with ${code}:\n${output.slice(-4_000)}`)),
    );
  });
}

async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 40_000);
  await exited;
  clearTimeout(timer);
}

export async function benchAwsAudit(opts: AwsAuditOptions): Promise<AwsAuditFigures> {
  const { log } = opts;
  const moto = await startMoto({ loadManagedPolicies: false });
  const dataDir = path.join(projectRoot(), ".data", "bench-audit-pg", `run-${process.pid}`);
  const database = await startEmbeddedPostgres({
    dataDir,
    ephemeral: true,
    database: "orglens_bench_audit",
    log,
  });
  const proxy = await startLatencyProxy(moto.endpoint, { delayMs: opts.latencyMs });
  const db = createPrismaClient(database.url);
  const boss = await startQueue(database.url, loadQueueSettings({}), (err) =>
    log(`queue error: ${err.message}`),
  );
  try {
    await applyMigrations(database.url, { log });
    log(`building ${opts.accounts} member accounts in moto…`);
    const built = performance.now();
    const managementId = await buildAuditBenchOrg(moto.endpoint, opts.accounts, log);
    const buildSeconds = (performance.now() - built) / 1000;
    log(`built in ${buildSeconds.toFixed(0)} s`);

    const config = loadAwsConfig(
      {},
      { endpoint: proxy.endpoint, regions: ["us-east-1"], concurrency: opts.concurrency },
    );
    const runs: AwsAuditRun[] = [];
    for (const workers of opts.workers) {
      const run = await db.collectionRun.create({
        data: { source: "aws", status: "running", triggeredBy: "bench" },
        select: { id: true },
      });
      const meter = new RequestMeter(1, "0.01");
      const runConfig = { ...config, runId: run.id };
      const sessions = new AccountSessions(managementId, "aws", runConfig, meter, BASE_CREDENTIALS);
      const ctx: AuditContext = {
        sessions,
        config: runConfig,
        notes: new RunNotes(),
        hub: null,
        now: new Date(),
        meter,
      };
      const tree = await readOrgTree(ctx.sessions.base.organizations(), 8, ctx.now.toISOString());
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATABASE_URL: database.url,
        AWS_ENDPOINT_URL: proxy.endpoint,
        AWS_ACCESS_KEY_ID: BASE_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: BASE_CREDENTIALS.secretAccessKey,
        AWS_REGION: "us-east-1",
        ORGLENS_AWS_REGIONS: "us-east-1",
      };
      const children = await Promise.all(
        Array.from({ length: workers }, (_, i) =>
          startWorker(`bench-worker-${i + 1}`, env, opts.concurrency, log, opts.profileDir),
        ),
      );
      try {
        const motoCpu = cpuSeconds(moto.pid);
        const workerCpu = children.map((c) => cpuSeconds(c.pid));
        const requests = proxy.requests;
        let lastLogged = 0;
        const started = performance.now();
        const auditor = distributedAuditor(db, boss, run.id, {
          timeoutMs: 30 * 60_000,
          pollMs: 200,
        });
        const outcome = await auditor(ctx, tree.accounts, (done, total) => {
          if (done - lastLogged >= 100 || done === total) {
            lastLogged = done;
            const at = ((performance.now() - started) / 1000).toFixed(1);
            log(`  ${workers} worker(s): ${done}/${total} accounts audited at ${at} s`);
          }
        });
        const seconds = (performance.now() - started) / 1000;
        const counts = Object.entries(meter.report().apiRequests).sort((a, b) => b[1] - a[1]);
        const result: AwsAuditRun = {
          workers,
          concurrency: opts.concurrency,
          accounts: outcome.audits.length,
          audited: outcome.audits.filter((a) => a.status === "audited").length,
          failed: outcome.audits.filter((a) => a.status === "failed").length,
          seconds: Number(seconds.toFixed(1)),
          requests: proxy.requests - requests,
          motoCpuSeconds: Number((cpuSeconds(moto.pid) - motoCpu).toFixed(1)),
          workerCpuSeconds: Number(
            children
              .reduce((sum, c, i) => sum + cpuSeconds(c.pid) - (workerCpu[i] ?? 0), 0)
              .toFixed(1),
          ),
          topOperations: Object.fromEntries(counts.slice(0, 8)),
        };
        runs.push(result);
        log(`  calls: ${JSON.stringify(result.topOperations)}`);
        // Every operation per audited account (the org-tree read before the phase included).
        const perAccount = counts.map(
          ([op, n]) => `${op} ${(n / Math.max(1, result.audited)).toFixed(2)}`,
        );
        log(`  calls per account: ${perAccount.join(", ")}`);
        const failures = outcome.audits.filter((a) => a.status === "failed").slice(0, 3);
        for (const f of failures) log(`  failed ${f.accountId}: ${f.error}`);
        log(
          `${workers} worker(s) × ${opts.concurrency}: ${result.audited}/${result.accounts} audited in ${result.seconds} s, ${result.requests} AWS calls, moto CPU ${result.motoCpuSeconds} s, workers CPU ${result.workerCpuSeconds} s`,
        );
        await db.collectionRun.update({
          where: { id: run.id },
          data: { status: "succeeded", finishedAt: new Date() },
        });
      } finally {
        ctx.sessions.base.destroy();
        await Promise.all(children.map(stopWorker));
      }
    }
    const one = runs.find((r) => r.workers === 1);
    const two = runs.find((r) => r.workers === 2);
    const speedup = one && two ? Number((one.seconds / two.seconds).toFixed(2)) : null;
    return {
      accounts: opts.accounts,
      latencyMs: opts.latencyMs,
      buildSeconds: Number(buildSeconds.toFixed(0)),
      runs,
      targets: AWS_AUDIT_TARGETS,
      speedup,
      met: {
        oneWorker: one ? one.seconds <= AWS_AUDIT_TARGETS.oneWorkerSeconds : null,
        twoWorkerSpeedup: speedup === null ? null : speedup >= AWS_AUDIT_TARGETS.twoWorkerSpeedup,
      },
    };
  } finally {
    await boss.stop({ graceful: false, wait: true });
    await db.$disconnect();
    await proxy.close();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await moto.stop();
  }
}

/** The method paragraph for BENCHMARKS.md (scripts/bench/notes.ts). */
export const AWS_AUDIT_METHOD = `- **Member-account audits**: \`benchAwsAudit\` (scripts/bench/aws-audit.ts) builds N member accounts in one moto
  server (\`MOTO_IAM_LOAD_MANAGED_POLICIES\` off: the audit never reads AWS-managed policies), each with the audit role and a
  vendor role with trust policies (one with an ExternalId), a customer-managed policy, three IAM users (two access keys,
  one console password) and its own logging trail into its own versioned, public-access-blocked bucket. The organization is
  built once, straight against moto, and each account is warmed there: one call per service the audit reads (EC2, Config,
  GuardDuty, Budgets, Identity Center) and a GenerateCredentialReport. moto creates an account's backend of a service on its
  first call (EC2's costs it about half a CPU-second) and answers the first report request "STARTED"; real AWS has neither
  cost, and without the warm-up the first measured run would pay it and the second not. The audits then go through a loopback proxy (testing/aws/latency-proxy.ts) that holds
  every AWS call 50 ms before forwarding it. Each measurement is a fresh run through the real distributed path: the
  coordinator (\`distributedAuditor\`) queues one pg-boss job per account into an embedded PostgreSQL, W worker processes
  (\`node --conditions=react-server --import tsx scripts/worker.ts --concurrency C\`, as \`npm run worker\` runs them) audit and store the
  accounts, each reading its own trail's bucket, and the phase ends when every result is stored and the coordinator has
  read the trail buckets no worker read (none in this organization: every trail writes to its own account's bucket). Timed: from
  queueing the jobs to that end, with the workers already started. Moto's and the workers' CPU seconds over the phase
  come from /proc/<pid>/stat; moto is one Python process, so its CPU seconds close to the wall time mean the emulator,
  not OrgLens, sets the pace.`;

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const { values } = parseArgs({
    options: {
      accounts: { type: "string", default: "1000" },
      "latency-ms": { type: "string", default: "50" },
      workers: { type: "string", default: "1,2" },
      concurrency: { type: "string", default: "16" },
      json: { type: "boolean", default: false },
      "profile-dir": { type: "string" },
    },
  });
  const log = (s: string) => (values.json ? console.error(s) : console.log(s));
  const figures = await benchAwsAudit({
    accounts: Number(values.accounts),
    latencyMs: Number(values["latency-ms"]),
    workers: values.workers.split(",").map(Number),
    concurrency: Number(values.concurrency),
    profileDir: values["profile-dir"],
    log,
  });
  if (values.json) console.log(JSON.stringify({ awsAudit: figures }));
  else {
    const { oneWorker, twoWorkerSpeedup } = figures.met;
    const word = (m: boolean | null) => (m === null ? "not measured" : m ? "met" : "missed");
    log(
      `one worker ≤ ${AWS_AUDIT_TARGETS.oneWorkerSeconds} s: ${word(oneWorker)}; two workers ≥ ${AWS_AUDIT_TARGETS.twoWorkerSpeedup}× faster: ${word(twoWorkerSpeedup)} (${figures.speedup ?? "–"}×)`,
    );
  }
  process.exit(0);
}
