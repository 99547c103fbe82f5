"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "@/components/tables/data-table";
import { Card } from "@/components/ui/card";
import type { TRunDetail } from "@/lib/api/runs";
import { formatMoneyCents, formatMonth } from "@/lib/format/money";

type TMonth = NonNullable<TRunDetail["lateCorrections"]>["months"][number];

const signed = (v: string) => (v.startsWith("-") ? formatMoneyCents(v) : `+${formatMoneyCents(v)}`);
const unchanged = (m: TMonth) => Number(m.difference) === 0;

const COLUMNS: ColumnDef<TMonth>[] = [
  {
    id: "month",
    header: "Month",
    accessorFn: (m) => m.month,
    meta: { sticky: true },
    cell: ({ row }) => formatMonth(row.original.month),
  },
  {
    id: "previous",
    header: "Before",
    accessorFn: (m) => Number(m.previousTotal),
    meta: { align: "right" },
    cell: ({ row }) => (
      <span className="tabular">{formatMoneyCents(row.original.previousTotal)}</span>
    ),
  },
  {
    id: "current",
    header: "After",
    accessorFn: (m) => Number(m.currentTotal),
    meta: { align: "right" },
    cell: ({ row }) => (
      <span className="tabular">{formatMoneyCents(row.original.currentTotal)}</span>
    ),
  },
  {
    id: "difference",
    header: "Difference",
    accessorFn: (m) => Number(m.difference),
    meta: { align: "right" },
    cell: ({ row }) =>
      unchanged(row.original) ? (
        "unchanged"
      ) : (
        <span className="tabular" title={`Exact: ${row.original.difference}`}>
          {signed(row.original.difference)}
        </span>
      ),
  },
  {
    id: "chargeback",
    header: "Chargeback",
    accessorFn: (m) => (m.periodClosed ? 1 : 0),
    cell: ({ row }) => {
      const m = row.original;
      if (!m.periodClosed) return "Open period: updated";
      if (unchanged(m)) return "Closed period: nothing to adjust";
      return (
        <Link
          href={`/chargeback?month=${m.month.slice(0, 7)}`}
          className="text-indigo-700 hover:underline dark:text-indigo-300"
        >
          Closed period: adjustment lines for {formatMonth(m.month)}
        </Link>
      );
    },
  },
];

/** Which final months the run asked Cost Explorer for again, and what changed. */
export function LateCorrectionsCard({ run }: { run: TRunDetail }) {
  const late = run.lateCorrections;
  return (
    <Card title="Late corrections">
      {late === null ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {run.orgTotalsHidden
            ? "Hidden: totals of the whole organization."
            : "This run refetched no final month (the monthly refetch was not due)."}
        </p>
      ) : late.full ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          This run fetched the whole cost history; the monthly refetch of final months starts from
          it.
        </p>
      ) : (
        <DataTable
          testId="run-late-corrections"
          caption="Final months refetched for late corrections"
          data={late.months}
          columns={COLUMNS}
          pageSize={24}
          emptyMessage="Every month due was still estimated, so it was fetched anyway."
        />
      )}
    </Card>
  );
}
