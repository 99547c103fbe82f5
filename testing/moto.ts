// A local moto server (AWS API emulator) for collector tests. One per test file: reset() between
// tests is cheaper than a restart (moto takes a few seconds to boot).
import { spawn } from "node:child_process";
import { motoPython } from "./moto-python";
import { freePort } from "@/lib/net/free-port";
import { sleep } from "./net";

export interface MotoServer {
  endpoint: string;
  /** The moto process: benchmarks read its CPU time from /proc. */
  pid: number;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

async function answers(endpoint: string): Promise<boolean> {
  try {
    const res = await fetch(`${endpoint}/moto-api/data.json`, {
      signal: AbortSignal.timeout(1_000),
    });
    return res.ok;
  } catch {
    return false;
  }
}

export interface MotoOptions {
  /**
   * Load AWS's managed policies into every account's IAM (default true). A benchmark with a thousand
   * accounts turns it off: each account would parse about 1,200 policies in moto for nothing, since
   * the collector never asks for AWS-managed policies (GetAccountAuthorizationDetails filters them out).
   */
  loadManagedPolicies?: boolean;
}

export async function startMoto(opts: MotoOptions = {}): Promise<MotoServer> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const { command, env } = motoPython();
  // Tests create their own organization and accounts; a fixed MOTO_ACCOUNT_ID would make every
  // caller that account and hide bugs in cross-account logic.
  const { MOTO_ACCOUNT_ID: _ignored, ...inherited } = env;
  const child = spawn(command, ["-m", "moto.server", "-H", "127.0.0.1", "-p", String(port)], {
    env: {
      ...inherited,
      MOTO_IAM_LOAD_MANAGED_POLICIES: opts.loadManagedPolicies === false ? "false" : "true",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-4_000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let alive = true;
  void exited.then(() => {
    alive = false;
  });

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await answers(endpoint))) {
    if (!alive || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`moto server did not start (${command} -m moto.server):\n${stderr}`);
    }
    await sleep(200);
  }

  return {
    endpoint,
    pid: child.pid ?? 0,
    async reset() {
      const res = await fetch(`${endpoint}/moto-api/reset`, { method: "POST" });
      if (!res.ok) throw new Error(`moto reset failed: HTTP ${res.status}`);
    },
    async stop() {
      if (!alive) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
