"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "@/components/tables/data-table";
import { Card, Skeleton } from "@/components/ui/card";
import type { TOverview } from "@/lib/api/overview";

type Row = TOverview["overdueByOu"][number];

function columns(linkable: boolean): ColumnDef<Row>[] {
  return [
    {
      id: "ou",
      header: "OU",
      accessorFn: (r) => r.ouPath,
      cell: ({ row: { original: r } }) =>
        linkable ? (
          <Link
            href={`/findings?overdue=1${r.ouId ? `&ou=${encodeURIComponent(r.ouId)}` : ""}`}
            className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
          >
            {r.ouPath}
          </Link>
        ) : (
          r.ouPath
        ),
    },
    {
      id: "overdue",
      header: "Overdue",
      accessorFn: (r) => r.overdue,
      meta: { align: "right", cellAttributes: { "data-testid": "overdue-count" } },
      cell: ({ row: { original: r } }) => (
        <span className="font-semibold">{r.overdue.toLocaleString("en-US")}</span>
      ),
    },
  ];
}

/** Overdue findings (open, not muted, past their due date) per OU the caller may see. */
export function OverdueCard({
  rows,
  linkable,
}: {
  rows: TOverview["overdueByOu"] | undefined;
  linkable: boolean;
}) {
  const total = rows?.reduce((s, r) => s + r.overdue, 0) ?? 0;
  return (
    <Card title="Overdue findings by OU">
      {!rows ? (
        <Skeleton className="h-24 w-full" />
      ) : rows.length === 0 ? (
        <p className="py-6 text-center text-sm text-slate-500 dark:text-slate-400">
          Nothing overdue: every assigned finding is within its due date.
        </p>
      ) : (
        <DataTable
          data={rows}
          columns={columns(linkable)}
          caption={`Overdue findings per OU, ${total} in all`}
          getRowId={(r) => r.ouId ?? "org"}
          rowIdAttribute="data-ou-id"
          testId="overview-overdue"
        />
      )}
    </Card>
  );
}
