"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/tables/data-table";
import { Card } from "@/components/ui/card";
import type { TBudgetList } from "@/lib/api/budgets";
import { formatMoney } from "@/lib/format/money";

type Row = TBudgetList["awsBudgets"][number];

const money = (n: number | null) => (n === null ? "—" : formatMoney(n));

/** A money column ("—" when AWS or OrgLens has no figure). */
function moneyColumn(
  id: string,
  header: ColumnDef<Row>["header"],
  value: (r: Row) => number | null,
  testId?: string,
): ColumnDef<Row> {
  return {
    id,
    header,
    meta: { align: "right", ...(testId ? { cellAttributes: { "data-testid": testId } } : {}) },
    cell: ({ row }) => money(value(row.original)),
  };
}

// Headers stay plain text (no sort buttons): the table is short and reads in the collector's order.
const COLUMNS: ColumnDef<Row>[] = [
  {
    id: "account",
    header: "Account",
    cell: ({ row: { original: r } }) => (
      <>
        {r.accountName} <span className="text-slate-600 dark:text-slate-400">({r.accountId})</span>
      </>
    ),
  },
  { id: "name", header: "Budget", cell: ({ row }) => row.original.name },
  { id: "period", header: "Period", cell: ({ row }) => row.original.timeUnit.toLowerCase() },
  moneyColumn("limit", "Limit", (r) => r.limit),
  moneyColumn("actual", "Actual", (r) => r.actual),
  moneyColumn("forecast", "AWS forecast", (r) => r.forecast, "aws-forecast"),
  moneyColumn(
    "orglens",
    () => (
      <abbr
        title="OrgLens's month-end forecast of the same accounts, from their daily cost"
        className="no-underline"
      >
        OrgLens forecast
      </abbr>
    ),
    (r) => r.orglensForecast,
    "orglens-forecast",
  ),
  {
    id: "imported",
    header: "Budget in OrgLens",
    cell: ({ row }) => (row.original.imported ? "Imported" : "Not imported"),
  },
];

export function AwsBudgetsTable({ rows }: { rows: TBudgetList["awsBudgets"] }) {
  return (
    <Card title="AWS Budgets (as collected)">
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No AWS Budgets were found in the accounts you can see.
        </p>
      ) : (
        <DataTable
          data={rows}
          columns={COLUMNS}
          caption="AWS Budgets"
          getRowId={(r) => `${r.accountId}|${r.name}`}
          rowAttributes={(r) => ({ "data-aws-budget": r.name })}
        />
      )}
    </Card>
  );
}
