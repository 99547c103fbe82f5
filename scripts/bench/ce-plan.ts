// `npm run bench -- --ce-only`: the Cost Explorer request plan alone (no database, no server) at 500
// and 5,000 accounts; prints the figures and writes its section of BENCHMARKS.md in place.
import { existsSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import path from "node:path";
import { projectRoot } from "../../lib/db/embedded";
import { benchCostExplorer, type CeFigures } from "./cost-explorer";
import { writeMarkdown } from "./write-markdown";

export const CE_SECTION_START = "<!-- ce-plan:start -->";
export const CE_SECTION_END = "<!-- ce-plan:end -->";

const money = (usd: string) => `$${usd}`;

function section(figures: readonly CeFigures[], date: string, machine: string): string {
  const rows = figures.flatMap((f) => [
    `| ${f.accounts.toLocaleString("en")} | full backfill | ${f.backfill.requests.toLocaleString("en")} (${money(f.backfill.costUsd)}) | ${f.backfill.commitments.requests} (${money(f.backfill.commitments.costUsd)}) | ${(f.backfill.requests + f.backfill.commitments.requests).toLocaleString("en")} (${money(((f.backfill.requests + f.backfill.commitments.requests) * 0.01).toFixed(2))}) |`,
    `| ${f.accounts.toLocaleString("en")} | daily incremental refresh | ${f.incremental.requests} (${money(f.incremental.costUsd)}) | ${f.incremental.commitments.requests} (${money(f.incremental.commitments.costUsd)}) | ${f.incremental.requests + f.incremental.commitments.requests} (${money(((f.incremental.requests + f.incremental.commitments.requests) * 0.01).toFixed(2))}) |`,
    `| ${f.accounts.toLocaleString("en")} | late-correction refetch, when due (once a month, added to that day's refresh) | ${f.lateCorrection?.requests ?? 0} (${money(f.lateCorrection?.costUsd ?? "0.00")}) | 0 | ${f.lateCorrection?.requests ?? 0} (${money(f.lateCorrection?.costUsd ?? "0.00")}) |`,
  ]);
  return [
    CE_SECTION_START,
    "## Cost Explorer request plan",
    "",
    `Measured ${date} on ${machine} with \`npm run bench -- --ce-only\` (scripts/bench/ce-plan.ts; no database or server).`,
    "Requests are billed $0.01 each. Cost and usage: monthly by account × service, by account × each of 3 tag keys,",
    "by account × charge type (RECORD_TYPE) and × REGION, account × service per non-usage charge type, and daily by",
    "account over the 90-day window (`dailyCostHistoryDays`); commitments: GetSavingsPlansCoverage / Utilization /",
    "UtilizationDetails, GetReservationCoverage / Utilization by month. 14 months of history, “today” 2025-06-15 with May",
    "still estimated. The daily refresh asks for May, June and their days only: no final month (asserted in",
    "lib/collect/sources/aws/late-corrections.test.ts). The late-correction refetch (`lateCorrectionMonths`, default 3)",
    "asks for the final months among the last 3 (March and April here; May is fetched anyway) by account × service, tags,",
    "charge types and regions, not their days nor commitments; it is measured as a run due minus the same run not due.",
    "",
    "| Accounts | Run | Cost and usage requests | Commitments requests | Total |",
    "|---|---|---|---|---|",
    ...rows,
    "",
    "Counting fakes: testing/aws/fake-cost-explorer.ts (1,000 groups per page, 10–40 services, 1–3 regions, up to 4",
    "charge types per account) and testing/aws/fake-commitments.ts (1,000 items per page, every account covered by",
    "Savings Plans and RIs every month, 20 Savings Plans).",
    CE_SECTION_END,
  ].join("\n");
}

export async function runCePlanBench(log: (s: string) => void): Promise<CeFigures[]> {
  const figures: CeFigures[] = [];
  for (const accounts of [500, 5_000]) {
    const f = await benchCostExplorer(accounts);
    log(
      `${accounts} accounts: backfill ${f.backfill.requests} + ${f.backfill.commitments.requests} commitments; daily ${f.incremental.requests} + ${f.incremental.commitments.requests}; late correction +${f.lateCorrection?.requests ?? 0}`,
    );
    figures.push(f);
  }
  const date = new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC";
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, Node ${process.version}`;
  const file = path.join(projectRoot(), "BENCHMARKS.md");
  const old = existsSync(file) ? readFileSync(file, "utf8") : "";
  const text = section(figures, date, machine);
  const start = old.indexOf(CE_SECTION_START);
  const end = old.indexOf(CE_SECTION_END);
  const next =
    start >= 0 && end > start
      ? old.slice(0, start) + text + old.slice(end + CE_SECTION_END.length)
      : `${old.trimEnd()}\n\n${text}\n`;
  writeMarkdown(file, next);
  return figures;
}
