// Test counts from the machine-readable reports of vitest (jest-style JSON) and Playwright.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ROOT } from "../root";

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  /** "file › test title: first line of the error", one per failed test. */
  failures: string[];
}

const vitestReport = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number(),
  numTodoTests: z.number(),
  testResults: z
    .array(
      z.object({
        name: z.string(),
        message: z.string().optional(),
        assertionResults: z.array(
          z.object({
            fullName: z.string(),
            status: z.string(),
            failureMessages: z.array(z.string()).optional(),
          }),
        ),
      }),
    )
    .default([]),
});

interface PlaywrightSuite {
  file?: string;
  title?: string;
  specs?: {
    title: string;
    ok: boolean;
    file?: string;
    tests?: { results?: { error?: { message?: string } }[] }[];
  }[];
  suites?: PlaywrightSuite[];
}
const playwrightSuite: z.ZodType<PlaywrightSuite> = z.lazy(() =>
  z.object({
    file: z.string().optional(),
    title: z.string().optional(),
    specs: z
      .array(
        z.object({
          title: z.string(),
          ok: z.boolean(),
          file: z.string().optional(),
          tests: z
            .array(
              z.object({
                results: z
                  .array(
                    z.object({ error: z.object({ message: z.string().optional() }).optional() }),
                  )
                  .optional(),
              }),
            )
            .optional(),
        }),
      )
      .optional(),
    suites: z.array(playwrightSuite).optional(),
  }),
);

const playwrightReport = z.object({
  suites: z.array(playwrightSuite).default([]),
  stats: z.object({
    expected: z.number(),
    unexpected: z.number(),
    flaky: z.number(),
    skipped: z.number(),
  }),
});

/** First non-empty line, without terminal colours, at most 200 characters. */
export function firstLine(message: string | undefined): string {
  const plain = (message ?? "").replace(/\u001b\[[0-9;]*m/g, "");
  const line = plain.split("\n").find((l) => l.trim() !== "") ?? "";
  return line.trim().slice(0, 200);
}

function readJson(file: string): unknown {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/** undefined when the runner crashed before writing its report. */
export function vitestCounts(file: string): Counts | undefined {
  const parsed = vitestReport.safeParse(readJson(file));
  if (!parsed.success) return undefined;
  const r = parsed.data;
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + r.numTodoTests,
    failures: r.testResults.flatMap((file) => {
      const where = path.relative(ROOT, file.name);
      const failed = file.assertionResults.filter((a) => a.status === "failed");
      // A file that failed to load (syntax error, a throwing beforeAll) has no failed assertions.
      if (failed.length === 0 && file.message) return [`${where}: ${firstLine(file.message)}`];
      return failed.map((a) => `${where} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
    }),
  };
}

export function playwrightCounts(file: string): Counts | undefined {
  const parsed = playwrightReport.safeParse(readJson(file));
  if (!parsed.success) return undefined;
  const s = parsed.data.stats;
  // A flaky test failed first and passed on retry: it passed.
  const failures: string[] = [];
  const walk = (suite: PlaywrightSuite, titles: string[]) => {
    const here = suite.title && suite.title !== suite.file ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      if (spec.ok) continue;
      const error = spec.tests?.flatMap((t) => t.results ?? []).find((r) => r.error)?.error;
      const file = spec.file ?? suite.file ?? "";
      failures.push(`${file} › ${[...here, spec.title].join(" › ")}: ${firstLine(error?.message)}`);
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of parsed.data.suites) walk(suite, []);
  return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped, failures };
}
