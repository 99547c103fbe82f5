"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/tables/data-table";
import type { TCostMovers } from "@/lib/api/overview";
import { formatMoney, formatMonth } from "@/lib/format/money";

const pct = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1, signDisplay: "always" });

function changeOf(current: string, previous: string) {
  const diff = Number(current) - Number(previous);
  const base = Number(previous);
  return { diff, pct: base > 0 ? pct.format((diff / base) * 100) + "%" : "new" };
}

type Mover = TCostMovers["accounts"][number];

const columns: ColumnDef<Mover>[] = [
  {
    id: "name",
    header: "Name",
    enableSorting: false,
    meta: { cellClassName: "max-w-[10rem] truncate sm:max-w-[16rem]" },
    cell: ({ row }) => <span title={row.original.name}>{row.original.name}</span>,
  },
  {
    id: "spend",
    header: "Spend",
    enableSorting: false,
    meta: { align: "right" },
    cell: ({ row }) => formatMoney(row.original.current),
  },
  {
    id: "change",
    header: "Change",
    enableSorting: false,
    meta: { align: "right" },
    cell: ({ row: { original: r } }) => {
      const c = changeOf(r.current, r.previous);
      // Spend going up is the news to look at; going down reads as relief.
      const tone =
        c.diff > 0 ? "text-red-700 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400";
      return (
        <span className={`font-medium ${tone}`}>
          <span data-testid="mover-change">{`${c.diff > 0 ? "+" : c.diff < 0 ? "−" : ""}${formatMoney(Math.abs(c.diff))}`}</span>
          <span className="ml-1 text-xs font-normal">({c.pct})</span>
        </span>
      );
    },
  },
];

function MoverTable({
  title,
  rows,
  testId,
}: {
  title: string;
  rows: TCostMovers["accounts"];
  testId: string;
}) {
  return (
    <div>
      <h3 className="mb-2 text-sm font-medium">{title}</h3>
      {rows.length ? (
        <DataTable
          testId={testId}
          caption={`${title} whose spend changed most`}
          data={rows}
          columns={columns}
          getRowId={(r) => r.key}
          rowIdAttribute="data-key"
        />
      ) : (
        <p className="text-sm text-slate-500 dark:text-slate-400">No spend in these months.</p>
      )}
    </div>
  );
}

/** The accounts and services whose spend changed most between the last two full months. */
export function CostMovers({ movers }: { movers: TCostMovers }) {
  return (
    <div className="space-y-1">
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {formatMonth(movers.month)} vs {formatMonth(movers.previousMonth)}, largest changes first
      </p>
      <div className="space-y-4">
        <MoverTable title="Accounts" rows={movers.accounts} testId="movers-accounts" />
        <MoverTable title="Services" rows={movers.services} testId="movers-services" />
      </div>
    </div>
  );
}
