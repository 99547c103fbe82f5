"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/tables/data-table";
import { Card } from "@/components/ui/card";
import type { TAlertSettings } from "@/lib/api/alerts";

type Delivery = TAlertSettings["deliveries"][number];

const STATUS_CLASS: Record<string, string> = {
  sent: "text-emerald-700 dark:text-emerald-300",
  failed: "text-red-700 dark:text-red-300",
  pending: "text-amber-700 dark:text-amber-300",
};

const columns: ColumnDef<Delivery>[] = [
  {
    id: "when",
    header: "When",
    enableSorting: false,
    cell: ({ row }) => new Date(row.original.createdAt).toLocaleString(),
  },
  {
    id: "channel",
    header: "Channel",
    enableSorting: false,
    cell: ({ row }) => row.original.channelName,
  },
  { id: "alert", header: "Alert", enableSorting: false, cell: ({ row }) => row.original.summary },
  {
    id: "status",
    header: "Status",
    enableSorting: false,
    cell: ({ row }) => (
      <span className={STATUS_CLASS[row.original.status] ?? ""}>{row.original.status}</span>
    ),
  },
  {
    id: "attempts",
    header: "Attempts",
    enableSorting: false,
    meta: { align: "right" },
    cell: ({ row }) => row.original.attempts,
  },
  {
    id: "error",
    header: "Error",
    enableSorting: false,
    cell: ({ row }) => (
      <span className="block max-w-xs truncate" title={row.original.lastError ?? ""}>
        {row.original.lastError ?? ""}
      </span>
    ),
  },
];

export function DeliveriesTable({ deliveries }: { deliveries: TAlertSettings["deliveries"] }) {
  return (
    <Card title="Recent deliveries">
      {deliveries.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Nothing sent yet.</p>
      ) : (
        <DataTable
          caption="Recent deliveries"
          data={deliveries}
          columns={columns}
          getRowId={(d) => d.id}
        />
      )}
    </Card>
  );
}
