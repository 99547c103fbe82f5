// The benchmark's figures as a table on the console and as BENCHMARKS.md.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { CE_SECTION_END, CE_SECTION_START } from "./ce-plan";
import { projectRoot } from "../../lib/db/embedded";
import { ANOMALY_SECTION_END, ANOMALY_SECTION_START } from "./anomalies";
import type { AwsAuditRun } from "./aws-audit";
import type { CeFigures } from "./cost-explorer";
import type { ExportFigures } from "./export";
import type { LoadFigures } from "./load";
import type { OuTreeFigures } from "./ou-tree";
import { spanText, type ShowbackCase } from "./showback";
import { GROWTH_LIMIT, type GrowthSeries } from "./growth";
import type { RequestCostFigures } from "./request-cost";
import { statusCell, verdicts } from "./targets";
import { writeMarkdown } from "./write-markdown";

/** The collector-memory sub-command's figure (a full backfill's peak heap), when it ran for this size. */
export interface CollectorMemoryFigures {
  accounts: number;
  /** Peak live heap (after a full GC) during the backfill. */
  peakHeapMb: number;
  peakUsedHeapMb?: number;
  peakRssMb?: number;
  baselineHeapMb?: number;
  seconds?: number;
  monthlyRows?: number;
}

/** The member-account audit benchmark (scripts/bench/aws-audit.ts), when it is part of the run. */
export interface AwsAuditFigures {
  accounts: number;
  oneWorkerSeconds: number;
  twoWorkersSeconds: number;
  latencyMs?: number;
  /** Each measurement's detail (AWS calls, moto's and the workers' CPU seconds). */
  runs?: AwsAuditRun[];
}

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
  requestCost?: RequestCostFigures;
  load?: LoadFigures;
  /** Hook for the collector-memory sub-command: fill it per size and the report and growth curve use it. */
  collectorMemory?: CollectorMemoryFigures[];
  awsAudit?: AwsAuditFigures;
  errors: string[];
}

/** Every size of a `--sizes` run, the curve through them, and the run the main table describes. */
export interface BenchRun {
  main: BenchFigures;
  sizes: BenchFigures[];
  growth: GrowthSeries[];
}

const n = (x: number) => x.toLocaleString("en");

/** Figures without a target of their own, then every target of issue 16 with its verdict. */
export function rows(run: BenchRun): string[][] {
  const f = run.main;
  const out: string[][] = [["Item", "Measure", "Figure", "Target", ""]];
  const o = f.organization;
  out.push([
    "",
    "Synthetic org load (generate + store + evaluate)",
    `${o.loadSeconds} s for ${n(o.accounts)} accounts × ${o.months} months (${n(o.costMonthlyRows)} monthly, ${n(o.costDailyRows)} daily, ${n(o.costByTagRows)} by-tag rows)`,
    "—",
    "",
  ]);
  if (f.ouTree)
    out.push([
      "",
      "OU tree page interactive (Chromium)",
      `${f.ouTree.interactiveMs} ms with the tree computed, ${f.ouTree.cachedInteractiveMs} ms from the response cache; ${f.ouTree.domNodes} DOM nodes`,
      "< 2 s",
      f.ouTree.interactiveMs < 2000 ? "met" : "MISSED",
    ]);
  if (f.costExplorer) {
    const c = f.costExplorer;
    out.push([
      "",
      "Cost Explorer requests (counting fake)",
      `backfill ${c.backfill.requests} ($${c.backfill.costUsd}), incremental ${c.incremental.requests} ($${c.incremental.costUsd}) for ${n(c.accounts)} accounts; the backfill's ${n(c.backfill.monthlyRows)} monthly rows ${c.backfill.heapMb === undefined ? "counted as they streamed (not held above 5,000 accounts)" : `held in ${c.backfill.heapMb} MB of heap`}`,
      "—",
      "",
    ]);
  }
  if (f.export)
    for (const c of f.export.cases)
      out.push([
        "",
        `Export: ${c.name}`,
        `${n(c.rows)} rows${c.requests > 1 ? ` in ${c.requests} downloads` : ""}, ${c.seconds} s`,
        "—",
        "",
      ]);
  if (f.load)
    out.push([
      "",
      `Read load, ${f.load.connections} clients × ${f.load.seconds} s`,
      `${f.load.requestsPerSecond} req/s, p50 ${f.load.p50Ms} ms, ${n(f.load.requests)} requests`,
      "—",
      "",
    ]);
  for (const v of verdicts(f, run.sizes, run.growth))
    out.push([String(v.item), v.measure, v.figure, v.target, statusCell(v)]);
  return out;
}

/** Where an answer from the response cache spends its server time (p50 per span), and what the caches save. */
export function requestCostLines(rc: RequestCostFigures): string[] {
  const spans = Object.entries(rc.spansP50Ms)
    .map(([k, v]) => `${k} ${v} ms`)
    .join(", ");
  return [
    `Cached answer of \`GET ${rc.path}\` (${rc.runs} requests, p50 per Server-Timing span): ${spans}; total ${rc.serverP50Ms} ms (p95 ${rc.serverP95Ms} ms); round trip ${rc.roundTripP50Ms} ms.`,
    `Without the session cache each request paid next-auth's decode: ${rc.sessionDecodeP50Ms} ms p50 (first request of a new cookie). Without the per-version role bindings each paid their read: ${rc.roleLookupP50Ms} ms p50 (first request after a write). The same request computed after a write: ${rc.computedP50Ms} ms.`,
  ];
}

/** Showback's server time split by Server-Timing span (p50), each case at each size, beside its naive SQL. */
export function showbackLines(run: BenchRun): string[] {
  const lines = run.sizes.flatMap((f) =>
    (f.showback ?? []).map(
      (c) =>
        `- ${n(f.organization.accounts)} accounts, ${c.name}: API p50 ${c.api.p50} ms (naive SQL ${c.naiveSql.p50} ms); server time by span: ${spanText(c.serverTiming) || "no spans"}.`,
    ),
  );
  return lines.length
    ? [
        "## Where showback's time goes",
        "",
        "Server-Timing spans of the timed answers (p50 each; `sql` is every query of the answer, `rows` shaping them, the rest the route guard's): the remainder of the API time is Next.js routing, HTTP and the loopback.",
        "",
        ...lines,
        "",
      ]
    : [];
}

/** The growth table: one column per size, the exponent and its verdict. */
export function growthLines(run: BenchRun): string[] {
  if (run.growth.length === 0) return [];
  const sizes = run.sizes.map((s) => s.organization.accounts);
  const head = ["Figure", ...sizes.map((s) => `${n(s)} accounts`), "Exponent", ""];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`];
  for (const g of run.growth) {
    const cells = sizes.map((size) => {
      const p = g.points.find((x) => x.accounts === size);
      return p ? n(p.value) : "—";
    });
    const verdict =
      g.verdict === "faster than linear" ? `FASTER THAN LINEAR (> ${GROWTH_LIMIT})` : g.verdict;
    lines.push(`| ${[g.name, ...cells, g.exponent ?? "—", verdict].join(" | ")} |`);
  }
  return lines;
}

export function printTable(run: BenchRun, log: (s: string) => void): void {
  for (const r of rows(run)) log(r.map((c, i) => (i === 1 ? c.padEnd(48) : c)).join(" | "));
  if (run.main.requestCost) for (const l of requestCostLines(run.main.requestCost)) log(l);
  for (const l of growthLines(run)) log(l);
  for (const f of run.sizes)
    for (const e of f.errors) log(`not measured (${n(f.organization.accounts)} accounts): ${e}`);
}

/** What `--json` prints: every size's figures, the growth curve and every verdict. */
export function jsonReport(run: BenchRun) {
  return {
    ...run.main,
    verdicts: verdicts(run.main, run.sizes, run.growth),
    growth: run.growth,
    sizes: run.sizes,
  };
}

/** Each audit measurement in detail: where its time went (AWS calls, moto's CPU, the workers' CPU). */
function auditLines(f: BenchFigures): string[] {
  const a = f.awsAudit;
  if (!a?.runs?.length) return [];
  return [
    "## Member-account audits",
    "",
    `${n(a.accounts)} member accounts in moto, ${a.latencyMs ?? 50} ms added to every AWS call:`,
    "",
    ...a.runs.map(
      (r) =>
        `- ${r.workers} worker${r.workers > 1 ? "s" : ""} × ${r.concurrency} audits in flight: ${r.audited} of ${n(r.accounts)} audited (${r.failed} failed) in ${r.seconds} s; ${n(r.requests)} AWS calls (${(r.requests / Math.max(1, r.accounts)).toFixed(1)} an account); moto CPU ${r.motoCpuSeconds} s, workers' CPU ${r.workerCpuSeconds} s. Most frequent calls: ${Object.entries(
          r.topOperations,
        )
          .map(([op, c]) => `${op} ${n(c)}`)
          .join(", ")}.`,
    ),
    "",
  ];
}

/** The collector's backfill at each size: peak live heap beside the used heap, RSS and time. */
function collectorLines(run: BenchRun): string[] {
  const ms = run.sizes.flatMap((s) => s.collectorMemory ?? []);
  if (!ms.length) return [];
  return [
    "## Collector memory, full backfill",
    "",
    ...ms.map(
      (m) =>
        `- ${n(m.accounts)} accounts: peak live heap ${m.peakHeapMb} MB (baseline ${m.baselineHeapMb ?? "?"} MB), peak used heap ${m.peakUsedHeapMb ?? "?"} MB, peak RSS ${m.peakRssMb ?? "?"} MB; ${m.seconds ?? "?"} s, ${m.monthlyRows !== undefined ? n(m.monthlyRows) : "?"} monthly rows stored.`,
    ),
    "",
  ];
}

export function writeBenchmarksMd(run: BenchRun, notes: string): void {
  const f = run.main;
  const table = rows(run).map((r) => `| ${r.join(" | ")} |`);
  table.splice(1, 0, "|---|---|---|---|---|");
  const sized = run.sizes.length > 1;
  const errors = run.sizes.flatMap((s) =>
    s.errors.map((e) => (sized ? `${n(s.organization.accounts)} accounts: ${e}` : e)),
  );
  const body = [
    "# OrgLens benchmarks",
    "",
    `Measured ${f.date} on ${f.machine} with \`npm run bench${sized ? ` -- --sizes ${run.sizes.map((s) => s.organization.accounts).join(",")}` : ""}\` (scripts/bench/index.ts) at ${n(f.organization.accounts)} accounts. Regenerate with \`npm run bench\`; \`--json\` prints the figures. "Item" is the target's number in issue 16; "not measured" is a figure whose benchmark did not run or failed here.`,
    "",
    ...table,
    "",
    ...(f.requestCost
      ? ["## Where a cached request's time goes", "", ...requestCostLines(f.requestCost), ""]
      : []),
    ...showbackLines(run),
    ...auditLines(f),
    ...collectorLines(run),
    ...(run.growth.length
      ? [
          "## Growth with the organization's size",
          "",
          `Each figure at each size of \`--sizes\`, and the slope of a least-squares line through log(accounts), log(figure): 1 is linear, above ${GROWTH_LIMIT} is flagged.`,
          "",
          ...growthLines(run),
          "",
        ]
      : []),
    ...(errors.length ? ["Not measured in this run:", "", ...errors.map((e) => `- ${e}`), ""] : []),
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
  writeMarkdown(file, body + kept + ce);
}
