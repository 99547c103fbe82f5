// The CSV of a showback view: the same query and numbers as the page, one row per group in the
// same order, then the totals row. Streamed: groups are read through a cursor as the download goes.
import "server-only";
import { streamSql } from "@/lib/db/export-stream";
import type { CsvCell } from "@/lib/export/csv";
import { groupByTitle } from "@/lib/domain/showback/group-by";
import { monthToYearMonth } from "@/lib/domain/showback/period";
import type { TCostPlan } from "./prepare-cost-report";
import { checkCostRow, readCostRow } from "./read-cost-row";

async function* rows(plan: TCostPlan, databaseUrl: string): AsyncGenerator<CsvCell[]> {
  // Accounts and OUs are named by people but keyed by id: both go in the file.
  const idColumn = ["account", "ou", "ou-today"].includes(plan.groupBy.kind);
  const title = groupByTitle(plan.groupBy);
  const idTitle = plan.groupBy.kind === "account" ? "Account ID" : "OU ID";
  yield [title, ...(idColumn ? [idTitle] : []), ...plan.periods, "Total"];

  // The query's last row holds the column sums: memory stays flat however many groups there are.
  for await (const raw of streamSql(databaseUrl, plan.sql)) {
    const row = checkCostRow(raw);
    const group = readCostRow(plan.groupBy, plan.periods, row);
    yield [
      group.label,
      ...(idColumn ? [row.is_total ? "" : group.key] : []),
      ...group.values,
      group.total,
    ];
  }
}

export function exportCostsCsv(
  plan: TCostPlan,
  databaseUrl: string,
): { filename: string; rows: AsyncGenerator<CsvCell[]> } {
  const q = plan.query;
  const filename = `orglens-costs-${q.groupBy}-${q.metric}-${q.granularity}-${monthToYearMonth(q.from)}-to-${monthToYearMonth(q.to)}`;
  return { filename, rows: rows(plan, databaseUrl) };
}
