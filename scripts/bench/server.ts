// A production build of the app for the benchmark: `next build` into .next-bench, `next start` on a
// loopback port, a demo sign-in session cookie, and the server's memory read from /proc.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../../lib/db/embedded";
import { freePort } from "../../lib/net/free-port";
import { sleep } from "../../testing/net";
import { z } from "zod";
import { productionStartArgs } from "./start-args";

const root = projectRoot();
const next = path.join(root, "node_modules", ".bin", "next");
const DIST = ".next-bench";

function startScript(): string {
  const pkg = z
    .object({ scripts: z.object({ start: z.string() }) })
    .parse(JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")));
  return pkg.scripts.start;
}

export interface BenchServer {
  baseUrl: string;
  pid: number;
  cookie: string;
  stop(): Promise<void>;
}

function run(args: string[], env: NodeJS.ProcessEnv, log: (s: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(next, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", () => {});
    let err = "";
    child.stderr.on("data", (c: Buffer) => (err = (err + c.toString()).slice(-4000)));
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`next ${args[0]} exited ${code}: ${err}`)),
    );
    log(`next ${args.join(" ")}`);
  });
}

/** A new demo sign-in: a session cookie no request has carried yet (its audit event is a write). */
export async function signIn(baseUrl: string): Promise<string> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = (pair ?? "").split("=");
      if (k) jar.set(k, v.join("="));
    }
  };
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await fetch(`${baseUrl}/api/auth/callback/demo`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
    body: new URLSearchParams({ csrfToken, role: "admin", callbackUrl: "/", json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token")))
    throw new Error(`demo sign-in failed: HTTP ${res.status}`);
  return cookieHeader();
}

export async function startBenchServer(
  databaseUrl: string,
  opts: { build: boolean; log: (s: string) => void },
): Promise<BenchServer> {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: databaseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    ORGLENS_DEMO_SIGNIN: "1",
    ORGLENS_DEPLOYMENT: "demo",
    ORGLENS_DIST_DIR: DIST,
  };
  if (opts.build || !existsSync(path.join(root, DIST, "BUILD_ID")))
    await run(["build"], env, opts.log);
  const args = [...productionStartArgs(startScript()), "-p", String(port), "-H", "localhost"];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/api/auth/csrf`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`next start failed: ${stderr}`);
    await sleep(250);
  }
  const cookie = await signIn(baseUrl);
  return {
    baseUrl,
    pid: child.pid ?? 0,
    cookie,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(t);
    },
  };
}

/** The pid and its descendants (next start may serve from a child process). */
function processTree(pid: number): number[] {
  const out = [pid];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      for (const c of children.split(/\s+/).filter(Boolean)) out.push(...processTree(Number(c)));
    }
  } catch {
    // process gone
  }
  return out;
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(
      readFileSync(`/proc/${pid}/status`, "utf8"),
    );
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Resident memory of the server's processes, in MB: now (summed) and the largest peak (VmHWM). */
export function serverMemory(pid: number): { rssMb: number; hwmMb: number } {
  const pids = processTree(pid);
  const rss = pids.reduce((s, p) => s + statusKb(p, "VmRSS"), 0);
  const hwm = Math.max(...pids.map((p) => statusKb(p, "VmHWM")));
  return { rssMb: Math.round(rss / 1024), hwmMb: Math.round(hwm / 1024) };
}
