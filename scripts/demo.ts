// `npm run demo`: database (embedded unless DATABASE_URL is set) → migrations → demo organization
// (first time only) → production build (when sources changed) → the dashboard on PORT (default 3000),
// with the scheduled-reports worker beside it (`npm run worker -- --reports-only`).
// `--dev` starts `next dev` instead of building.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { resolveDatabase } from "../lib/db/embedded";
import { prepareDatabase } from "../lib/setup/prepare-database";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const log = (line: string) => console.log(`[orglens] ${line}`);

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const st = statSync(entry);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(entry))
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/** A random secret generated once for this checkout (git-ignored), so demo sessions survive restarts. */
function localAuthSecret(): string {
  const file = path.join(root, ".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

function buildIsStale(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const inputs = [
    "app",
    "components",
    "lib",
    "public",
    "next.config.ts",
    "package-lock.json",
    "postcss.config.mjs",
  ];
  const newest = Math.max(...inputs.map((i) => newestMtime(path.join(root, i))));
  return newest > statSync(buildId).mtimeMs;
}

// A demo deployment, explicitly: the only kind where the demo organization, its role bindings and the
// demo sign-in are allowed (the production build below runs with NODE_ENV=production).
if (process.env.ORGLENS_DEPLOYMENT && process.env.ORGLENS_DEPLOYMENT !== "demo") {
  log(
    `ORGLENS_DEPLOYMENT=${process.env.ORGLENS_DEPLOYMENT} is set: npm run demo only runs a demo deployment. Unset it or set it to "demo".`,
  );
  process.exit(1);
}
process.env.ORGLENS_DEPLOYMENT = "demo";

const started = Date.now();
const database = await resolveDatabase(log);
log(
  database.owned
    ? `Embedded PostgreSQL running (data in .data/pg).`
    : `Using the database at DATABASE_URL.`,
);
try {
  await prepareDatabase(database.url, { demo: true, log });
} catch (err) {
  await database.stop();
  throw err;
}

const env = {
  ...process.env,
  DATABASE_URL: database.url,
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: port,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? localAuthSecret(),
  // The only kind of deployment where "Run collection now" generates the demo organization.
  ORGLENS_DEPLOYMENT: "demo",
  // The demo sign-in (pick a role) unless a real identity provider is configured.
  ORGLENS_DEMO_SIGNIN: process.env.ORGLENS_DEMO_SIGNIN ?? (process.env.OIDC_ISSUER ? "0" : "1"),
};
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
if (!dev && buildIsStale()) {
  log("Building the dashboard (first run, or sources changed)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  if (build.status !== 0) {
    log("The build failed; see the output above.");
    await database.stop();
    process.exit(build.status ?? 1);
  }
}

const server = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", port], {
  cwd: root,
  env,
  stdio: "inherit",
});
log(
  `Starting OrgLens on http://localhost:${port} (${((Date.now() - started) / 1000).toFixed(1)} s to here). Ctrl+C stops it.`,
);
// The report scheduler, so scheduled reports go out on the demo too (preview and "Send now" are the app's).
const reports = spawn(
  process.execPath,
  [
    path.join(root, "node_modules", "tsx", "dist", "cli.mjs"),
    "--conditions=react-server",
    path.join(root, "scripts", "worker.ts"),
    "--reports-only",
  ],
  { cwd: root, env, stdio: "inherit" },
);
server.on("exit", (code) => {
  reports.kill("SIGTERM");
  void database.stop().finally(() => process.exit(code ?? 0));
});
for (const sig of ["SIGINT", "SIGTERM"] as const)
  process.on(sig, () => {
    reports.kill(sig);
    server.kill(sig);
  });
