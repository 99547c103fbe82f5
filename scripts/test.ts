// `npm test`: every check and test layer, in order, each run even when an earlier one failed, then
// a summary. Exits non-zero when anything failed.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { checkEmbeddedPostgresAccess } from "../lib/db/postgres-user-access";
import { ROOT } from "../testing/root";
import { playwrightCounts, vitestCounts, type Counts } from "../testing/run/reports";
import { bin, childEnv, runStep } from "../testing/run/step";
import { failureList, summaryTable, totalsLine, type LayerResult } from "../testing/run/summary";

// Every integration and e2e layer needs the embedded PostgreSQL: when it cannot start, say why once
// and stop, instead of running each layer into the same failure.
try {
  checkEmbeddedPostgresAccess(path.join(ROOT, ".data", "pg"));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

const reportDir = path.join(ROOT, ".data", "test-reports");
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });

const results: LayerResult[] = [];

function banner(title: string): void {
  console.log(`\n━━━ ${title} ━━━`);
}

async function check(name: string, command: string, args: string[]): Promise<void> {
  banner(name);
  const { code, seconds } = await runStep(command, args);
  results.push({ name, ok: code === 0, seconds, note: code === 0 ? undefined : `exit ${code}` });
}

async function testLayer(
  name: string,
  command: string,
  args: string[],
  report: string,
  read: (file: string) => Counts | undefined,
  env = childEnv(),
): Promise<void> {
  banner(name);
  const { code, seconds } = await runStep(command, args, env);
  const counts = read(report);
  const notes = [
    code === 0 ? "" : `exit ${code}`,
    counts ? "" : "no report: runner crashed",
  ].filter(Boolean);
  results.push({
    name,
    ok: code === 0 && counts !== undefined && counts.failed === 0,
    seconds,
    counts,
    note: notes.join("; ") || undefined,
  });
}

async function vitest(project: string): Promise<void> {
  const report = path.join(reportDir, `vitest-${project}.json`);
  const args = [
    "run",
    "--project",
    project,
    "--passWithNoTests",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
  ];
  await testLayer(`vitest ${project}`, bin("vitest"), args, report, vitestCounts);
}

async function playwright(): Promise<void> {
  const report = path.join(reportDir, "playwright.json");
  const env = { ...childEnv(), PLAYWRIGHT_JSON_OUTPUT_FILE: report };
  await testLayer(
    "playwright e2e",
    bin("playwright"),
    ["test", "--reporter=list,json"],
    report,
    playwrightCounts,
    env,
  );
}

await check("typecheck", bin("tsc"), ["--noEmit"]);
await check("lint", bin("eslint"), ["--max-warnings", "0", "."]);
await check("format", bin("prettier"), ["--check", "."]);
// A missing migrate script is a broken checkout, not a step to skip: runStep reports its exit code.
await check("migrations", bin("tsx"), ["scripts/migrate.ts", "check"]);
await vitest("unit");
await vitest("integration");
await playwright();

banner("summary");
console.log(summaryTable(results));
const failed = results.filter((r) => !r.ok).map((r) => r.name);
if (failed.length > 0) console.log(`\nFAILED: ${failed.join(", ")}`);
const failures = failureList(results);
if (failures) console.log(`\n${failures}`);
console.log(totalsLine(results));
// Explicit exit: an exit code left in process.exitCode can be overridden by exit hooks of libraries.
process.exit(failed.length > 0 ? 1 : 0);
