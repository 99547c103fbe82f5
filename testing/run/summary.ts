import type { Counts } from "./reports";

export interface LayerResult {
  name: string;
  ok: boolean;
  seconds: number;
  /** Test counts for test layers; undefined for checks (typecheck, lint) or a crashed runner. */
  counts?: Counts;
  note?: string;
}

function row(cells: string[], widths: number[]): string {
  return cells
    .map((cell, i) => cell.padEnd(widths[i] ?? 0))
    .join("  ")
    .trimEnd();
}

export function summaryTable(results: LayerResult[]): string {
  const header = ["layer", "result", "passed", "failed", "skipped", "time", "note"];
  const rows = results.map((r) => [
    r.name,
    r.ok ? "ok" : "FAILED",
    r.counts ? String(r.counts.passed) : "-",
    r.counts ? String(r.counts.failed) : "-",
    r.counts ? String(r.counts.skipped) : "-",
    `${r.seconds.toFixed(1)}s`,
    r.note ?? "",
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((cells) => (cells[i] ?? "").length)),
  );
  return [
    row(header, widths),
    row(
      widths.map((w) => "-".repeat(w)),
      widths,
    ),
    ...rows.map((cells) => row(cells, widths)),
  ].join("\n");
}

/** The closing line CI reads: test cases only, checks such as lint are not tests. */
export function totalsLine(results: LayerResult[]): string {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const { counts } of results) {
    if (!counts) continue;
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
  }
  const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : "";
  return `tests: ${total.passed} passed, ${total.failed} failed${skipped}`;
}

/** Every failed test by name, so the end of a CI log says what to look at. */
export function failureList(results: LayerResult[]): string {
  const lines = results.flatMap((r) => (r.counts?.failures ?? []).map((f) => `  ${r.name}: ${f}`));
  return lines.length > 0 ? `failed tests:\n${lines.join("\n")}` : "";
}
