"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/tables/data-table";
import { Card } from "@/components/ui/card";
import type { TChargebackView } from "@/lib/api/chargeback";
import { formatMoneyCents, formatMonth } from "@/lib/format/money";

type Adjustment = TChargebackView["adjustments"][number];

const money = (id: "direct" | "shared" | "total", header: string): ColumnDef<Adjustment> => ({
  id,
  header,
  enableSorting: false,
  meta: { align: "right" },
  cell: ({ row }) => formatMoneyCents(row.original[id]),
});

const columns: ColumnDef<Adjustment>[] = [
  {
    id: "adjusts",
    header: "Adjusts",
    enableSorting: false,
    cell: ({ row }) => formatMonth(row.original.adjustsMonth),
  },
  {
    id: "costCenter",
    header: "Cost center",
    enableSorting: false,
    cell: ({ row }) => row.original.costCenter,
  },
  {
    id: "account",
    header: "Account",
    enableSorting: false,
    cell: ({ row }) => (
      <>
        {row.original.accountName || "(shared)"}{" "}
        <span className="tabular text-xs text-slate-600 dark:text-slate-400">
          {row.original.accountId}
        </span>
      </>
    ),
  },
  money("direct", "Direct"),
  money("shared", "Shared"),
  money("total", "Total"),
];

/** Corrections to earlier closed months, charged in this month (never silent rewrites of the closed month). */
export function AdjustmentsTable({ view }: { view: TChargebackView }) {
  return (
    <Card title={`Adjustments for closed months (${view.adjustments.length})`}>
      <DataTable
        testId="adjustments-table"
        caption="Adjustments"
        data={view.adjustments}
        columns={columns}
        getRowId={(a) => `${a.adjustsMonth}|${a.costCenter}|${a.accountId}`}
      />
    </Card>
  );
}
