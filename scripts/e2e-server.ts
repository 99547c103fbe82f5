// Playwright's webServer: a production build of the app on a throw-away database holding the demo
// organization. Runs until Playwright signals it, then leaves no cluster or data behind.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { projectRoot, type RunningDatabase } from "../lib/db/embedded";
import { prepareDatabase } from "../lib/setup/prepare-database";
import { startTestCluster, stopTestCluster } from "../testing/cluster";
import {
  E2E_ENV_FILE,
  E2E_IDP_USERS,
  E2E_OIDC_CLIENT,
  e2eAppEnv,
  e2eOidcPort,
  e2ePort,
} from "../testing/e2e-env";
import { startOidcProvider } from "../testing/oidc-provider";
import { slotted } from "../testing/slot";

const root = projectRoot();
const CLUSTER = slotted("e2e-pg");
const next = path.join(root, "node_modules", ".bin", "next");
const log = (line: string) => console.error(`[e2e-server] ${line}`);

let current: ChildProcess | undefined;
let shuttingDown: Promise<void> | undefined;

function runNext(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(next, args, { cwd: root, env, stdio: "inherit" });
    current = child;
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      current = undefined;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function shutdown(code: number, db: RunningDatabase): Promise<void> {
  shuttingDown ??= (async () => {
    current?.kill("SIGTERM");
    await stopTestCluster(db, CLUSTER);
    rmSync(E2E_ENV_FILE, { force: true });
    process.exit(code);
  })();
  return shuttingDown;
}

async function main(): Promise<void> {
  const port = e2ePort();
  log("starting Postgres");
  const db = await startTestCluster(CLUSTER, "orglens");
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => void shutdown(signal === "SIGINT" ? 130 : 143, db));
  }
  try {
    // The demo organization and its role bindings are loaded only into a declared demo deployment.
    process.env.ORGLENS_DEPLOYMENT = "demo";
    await prepareDatabase(db.url, { demo: true, log });
    const idp = await startOidcProvider({
      port: e2eOidcPort(port),
      clientId: E2E_OIDC_CLIENT.id,
      clientSecret: E2E_OIDC_CLIENT.secret,
      redirectUri: `http://localhost:${port}/api/auth/callback/oidc`,
      users: E2E_IDP_USERS,
    });
    log(`test identity provider at ${idp.issuer}`);
    const { env, handoff } = e2eAppEnv(port, db.url);
    mkdirSync(path.dirname(E2E_ENV_FILE), { recursive: true });
    writeFileSync(E2E_ENV_FILE, JSON.stringify(handoff));

    if (process.env.E2E_SKIP_BUILD === "1") {
      log("E2E_SKIP_BUILD=1: using the existing .next-e2e build");
    } else {
      log("next build");
      const built = await runNext(["build"], env);
      if (built !== 0) throw new Error(`next build exited with ${built}`);
    }
    log(`next start on ${env.NEXTAUTH_URL}`);
    const code = await runNext(["start", "-p", String(port), "-H", "localhost"], env);
    await shutdown(code, db);
  } catch (error) {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    await shutdown(1, db);
  }
}

await main();
