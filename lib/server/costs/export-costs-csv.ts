// The CSV of a showback view: the same query and numbers as the page, one row per group in the
// same order, then the totals row. Streamed: groups are read through a cursor as the download goes.
import "server-only";
import { streamSql } from "@/lib/db/export-stream";
import type { CsvCell } from "@/lib/export/csv";
import { groupByTitle } from "@/lib/domain/showback/group-by";
import { monthToYearMonth } from "@/lib/domain/showback/period";
import { sumDecimals } from "@/lib/domain/showback/decimal";
import type { TCostPlan } from "./prepare-cost-report";
import { readCostRow } from "./read-cost-row";

async function* rows(plan: TCostPlan, databaseUrl: string): AsyncGenerator<CsvCell[]> {
  // Accounts and OUs are named by people but keyed by id: both go in the file.
  const idColumn = ["account", "ou", "ou-today"].includes(plan.groupBy.kind);
  const title = groupByTitle(plan.groupBy);
  const idTitle = plan.groupBy.kind === "account" ? "Account ID" : "OU ID";
  yield [title, ...(idColumn ? [idTitle] : []), ...plan.periods, "Total"];

  // Running column sums rather than kept rows: memory stays flat however many groups there are.
  let totals = plan.periods.map(() => "0");
  for await (const raw of streamSql(databaseUrl, plan.sql)) {
    const { group } = readCostRow(plan.groupBy, plan.periods, raw);
    totals = totals.map((t, i) => sumDecimals([t, group.values[i] ?? "0"]));
    yield [group.label, ...(idColumn ? [group.key] : []), ...group.values, group.total];
  }
  yield ["Total", ...(idColumn ? [""] : []), ...totals, sumDecimals(totals)];
}

export function exportCostsCsv(
  plan: TCostPlan,
  databaseUrl: string,
): { filename: string; rows: AsyncGenerator<CsvCell[]> } {
  const q = plan.query;
  const filename = `orglens-costs-${q.groupBy}-${q.metric}-${q.granularity}-${monthToYearMonth(q.from)}-to-${monthToYearMonth(q.to)}`;
  return { filename, rows: rows(plan, databaseUrl) };
}
