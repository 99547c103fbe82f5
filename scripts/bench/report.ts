// The benchmark's figures as a table on the console and as BENCHMARKS.md.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CE_SECTION_END, CE_SECTION_START } from "./ce-plan";
import { projectRoot } from "../../lib/db/embedded";
import { ANOMALY_SECTION_END, ANOMALY_SECTION_START } from "./anomalies";
import type { CeFigures } from "./cost-explorer";
import type { ExportFigures } from "./export";
import type { LoadFigures } from "./load";
import type { OuTreeFigures } from "./ou-tree";
import type { ShowbackCase } from "./showback";

export interface BenchFigures {
  date: string;
  machine: string;
  organization: {
    accounts: number;
    months: number;
    costMonthlyRows: number;
    costDailyRows: number;
    costByTagRows: number;
    loadSeconds: number;
  };
  showback?: ShowbackCase[];
  export?: ExportFigures;
  ouTree?: OuTreeFigures;
  costExplorer?: CeFigures;
  load?: LoadFigures;
  errors: string[];
}

const ok = (pass: boolean) => (pass ? "met" : "MISSED");

export function rows(f: BenchFigures): string[][] {
  const out: string[][] = [["Measure", "Figure", "Target", ""]];
  const o = f.organization;
  out.push([
    "Synthetic org load (generate + store + evaluate)",
    `${o.loadSeconds} s for ${o.accounts} accounts × ${o.months} months (${o.costMonthlyRows.toLocaleString("en")} monthly, ${o.costDailyRows.toLocaleString("en")} daily, ${o.costByTagRows.toLocaleString("en")} by-tag rows)`,
    "—",
    "",
  ]);
  for (const s of f.showback ?? []) {
    out.push([
      `Showback API ${s.name}`,
      `p50 ${s.api.p50} ms, p95 ${s.api.p95} ms; naive SQL p50 ${s.naiveSql.p50} ms (ratio ${s.ratio})`,
      "p95 ≤ 150 ms, ≤ 0.25 × naive",
      ok(s.api.p95 <= 150 && s.ratio <= 0.25),
    ]);
  }
  if (f.export) {
    const e = f.export;
    for (const c of e.cases) {
      const requests = c.requests > 1 ? ` in ${c.requests} downloads` : "";
      out.push([
        `Export: ${c.name}`,
        `${c.rows.toLocaleString("en")} rows${requests}, ${c.seconds} s = ${c.rowsPerSecond.toLocaleString("en")} rows/s; COPY TO STDOUT ${c.copyRowsPerSecond.toLocaleString("en")} rows/s (ratio ${c.ratioToCopy})`,
        "≥ 0.5 × COPY",
        ok(c.ratioToCopy >= 0.5),
      ]);
    }
    out.push([
      "Server memory during the exports",
      `RSS peak ${e.peakRssMb} MB (sampled every 50 ms, process tree); VmHWM ${e.hwmMb} MB`,
      "RSS < 300 MB",
      ok(Math.max(e.peakRssMb, e.hwmMb) < 300),
    ]);
  }
  if (f.ouTree)
    out.push([
      "OU tree page interactive (Chromium)",
      `${f.ouTree.interactiveMs} ms with the tree computed, ${f.ouTree.cachedInteractiveMs} ms from the response cache; ${f.ouTree.domNodes} DOM nodes`,
      "< 2 s",
      ok(f.ouTree.interactiveMs < 2000),
    ]);
  if (f.costExplorer) {
    const c = f.costExplorer;
    out.push([
      "Cost Explorer requests (counting fake)",
      `backfill ${c.backfill.requests} ($${c.backfill.costUsd}), incremental ${c.incremental.requests} ($${c.incremental.costUsd}) for ${c.accounts} accounts; the backfill's ${c.backfill.monthlyRows.toLocaleString("en")} monthly rows held in ${c.backfill.heapMb} MB of heap`,
      "—",
      "",
    ]);
  }
  if (f.load) {
    const l = f.load;
    out.push([
      `Read load, ${l.connections} clients × ${l.seconds} s`,
      `${l.requestsPerSecond} req/s, p50 ${l.p50Ms} ms, p97.5 ${l.p95Ms} ms, ${l.errors} errors, ${l.non2xx} non-2xx of ${l.requests}`,
      "zero errors",
      ok(l.errors === 0 && l.non2xx === 0),
    ]);
  }
  return out;
}

export function printTable(f: BenchFigures, log: (s: string) => void): void {
  for (const r of rows(f)) log(r.map((c, i) => (i === 0 ? c.padEnd(48) : c)).join(" | "));
  for (const e of f.errors) log(`not measured: ${e}`);
}

export function writeBenchmarksMd(f: BenchFigures, notes: string): void {
  const table = rows(f).map((r) => `| ${r.join(" | ")} |`);
  table.splice(1, 0, "|---|---|---|---|");
  const body = [
    "# OrgLens benchmarks",
    "",
    `Measured ${f.date} on ${f.machine} with \`npm run bench\` (scripts/bench/index.ts). Regenerate with \`npm run bench\`; \`--json\` prints the figures.`,
    "",
    ...table,
    "",
    ...(f.errors.length
      ? ["Not measured in this run:", "", ...f.errors.map((e) => `- ${e}`), ""]
      : []),
    notes,
    "",
  ].join("\n");
  // The anomaly section has its own sub-command (--anomalies): keep it.
  const file = path.join(projectRoot(), "BENCHMARKS.md");
  const old = existsSync(file) ? readFileSync(file, "utf8") : "";
  const start = old.indexOf(ANOMALY_SECTION_START);
  const end = old.indexOf(ANOMALY_SECTION_END);
  const kept =
    start >= 0 && end > start ? `\n${old.slice(start, end + ANOMALY_SECTION_END.length)}\n` : "";
  // So has the Cost Explorer request plan (--ce-only).
  const ceStart = old.indexOf(CE_SECTION_START);
  const ceEnd = old.indexOf(CE_SECTION_END);
  const ce =
    ceStart >= 0 && ceEnd > ceStart
      ? `\n${old.slice(ceStart, ceEnd + CE_SECTION_END.length)}\n`
      : "";
  writeFileSync(file, body + kept + ce);
}
