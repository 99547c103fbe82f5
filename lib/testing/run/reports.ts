// Test counts from the machine-readable reports of vitest (jest-style JSON) and Playwright.
import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

const vitestReport = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number(),
  numTodoTests: z.number(),
});

const playwrightReport = z.object({
  stats: z.object({
    expected: z.number(),
    unexpected: z.number(),
    flaky: z.number(),
    skipped: z.number(),
  }),
});

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
  };
}

export function playwrightCounts(file: string): Counts | undefined {
  const parsed = playwrightReport.safeParse(readJson(file));
  if (!parsed.success) return undefined;
  const s = parsed.data.stats;
  // A flaky test failed first and passed on retry: it passed.
  return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
}
