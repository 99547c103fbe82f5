import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ROOT } from "../root";
import { playwrightCounts, vitestCounts } from "./reports";
import { failureList } from "./summary";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "orglens-reports-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, value: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

describe("test reports", () => {
  it("names each failed vitest test with its file and the first line of its error", () => {
    // Trimmed from a real `vitest --reporter=json` report.
    const file = write("vitest.json", {
      numPassedTests: 1,
      numFailedTests: 2,
      numPendingTests: 0,
      numTodoTests: 0,
      testResults: [
        {
          name: path.join(ROOT, "lib/a.test.ts"),
          status: "failed",
          message: "",
          assertionResults: [
            {
              fullName: "group fails",
              status: "failed",
              failureMessages: [
                "\u001b[31mAssertionError: expected 1 to be 2\u001b[39m\n    at lib/a.test.ts:3:33",
              ],
            },
            { fullName: "group passes", status: "passed", failureMessages: [] },
          ],
        },
        {
          name: path.join(ROOT, "lib/b.int.test.ts"),
          status: "failed",
          message: "Error: moto server did not start\nstack",
          assertionResults: [],
        },
      ],
    });
    const counts = vitestCounts(file);
    expect(counts).toMatchObject({ passed: 1, failed: 2, skipped: 0 });
    expect(counts?.failures).toEqual([
      "lib/a.test.ts › group fails: AssertionError: expected 1 to be 2",
      "lib/b.int.test.ts: Error: moto server did not start",
    ]);
  });

  it("names each failed Playwright spec with its describe titles", () => {
    const file = write("playwright.json", {
      stats: { expected: 3, unexpected: 1, flaky: 1, skipped: 0 },
      suites: [
        {
          title: "costs.spec.ts",
          file: "costs.spec.ts",
          specs: [{ title: "top level ok", ok: true, file: "costs.spec.ts", tests: [] }],
          suites: [
            {
              title: "cost showback",
              file: "costs.spec.ts",
              specs: [
                {
                  title: "exports a CSV",
                  ok: false,
                  file: "costs.spec.ts",
                  tests: [
                    {
                      results: [
                        {
                          error: {
                            message: "Error: expect(locator).toBeVisible() failed\n\nLocator: ...",
                          },
                        },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    const counts = playwrightCounts(file);
    expect(counts).toMatchObject({ passed: 4, failed: 1 });
    expect(counts?.failures).toEqual([
      "costs.spec.ts › cost showback › exports a CSV: Error: expect(locator).toBeVisible() failed",
    ]);
    expect(failureList([{ name: "playwright e2e", ok: false, seconds: 1, counts }])).toBe(
      "failed tests:\n  playwright e2e: costs.spec.ts › cost showback › exports a CSV: Error: expect(locator).toBeVisible() failed",
    );
  });

  it("reports a missing or unreadable report as a crashed runner", () => {
    expect(vitestCounts(path.join(dir, "missing.json"))).toBeUndefined();
    writeFileSync(path.join(dir, "broken.json"), "{");
    expect(playwrightCounts(path.join(dir, "broken.json"))).toBeUndefined();
  });
});
