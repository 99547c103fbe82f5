"use client";

import Link from "next/link";
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
} from "@tanstack/react-table";
import type { TFindingRow } from "@/lib/api/findings";
import { formatDate, SeverityBadge, StatusBadges } from "./badges";

const col = createColumnHelper<TFindingRow>();

// Rows arrive in triage order from the server (severity, then check, account, resource), which is the
// order every page and the export share, so the table does not re-sort them client-side.
const columns = [
  col.accessor("severity", {
    header: "Severity",
    cell: (c) => <SeverityBadge severity={c.getValue()} />,
  }),
  col.accessor("title", {
    header: "Finding",
    cell: (c) => (
      <div className="min-w-64">
        <Link
          href={`/findings/${c.row.original.id}`}
          className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
        >
          {c.getValue()}
        </Link>
        <p className="mt-0.5 line-clamp-2 text-xs text-slate-600 dark:text-slate-400">
          {c.row.original.message}
        </p>
      </div>
    ),
  }),
  col.accessor("checkTitle", {
    header: "Check",
    cell: (c) => <span className="text-xs">{c.getValue()}</span>,
  }),
  col.accessor("accountId", {
    header: "Account / OU",
    cell: (c) => {
      const r = c.row.original;
      if (r.accountId)
        return (
          <div className="text-xs">
            <Link
              href={`/accounts/${r.accountId}`}
              className="text-indigo-700 hover:underline dark:text-indigo-300"
            >
              {r.accountName ?? r.accountId}
            </Link>
            <div className="tabular text-slate-500 dark:text-slate-400">{r.accountId}</div>
          </div>
        );
      return <span className="text-xs">{r.ouName ? `OU ${r.ouName}` : "Organization"}</span>;
    },
  }),
  col.accessor("status", {
    header: "Status",
    cell: (c) => {
      const r = c.row.original;
      return (
        <div className="text-xs">
          <StatusBadges status={r.status} stale={r.stale} mutedUntil={r.mutedUntil} />
          {r.mutedUntil ? (
            <p className="mt-1 max-w-56 text-slate-600 dark:text-slate-400">
              until {formatDate(r.mutedUntil)} by {r.mutedBy ?? "?"}: “{r.muteReason}”
            </p>
          ) : null}
        </div>
      );
    },
  }),
  col.accessor("firstSeenAt", {
    header: "First seen",
    cell: (c) => (
      <span className="tabular whitespace-nowrap text-xs">{formatDate(c.getValue())}</span>
    ),
  }),
  col.accessor("lastSeenAt", {
    header: "Last seen",
    cell: (c) => (
      <span className="tabular whitespace-nowrap text-xs">{formatDate(c.getValue())}</span>
    ),
  }),
];

export function FindingsTable({ rows }: { rows: TFindingRow[] }) {
  // The table instance is mutable, so the React Compiler leaves this component unmemoized; rows are few per page.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.id,
  });
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="findings-table">
        <caption className="sr-only">Findings, most severe first</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:text-slate-400">
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id}>
              {hg.headers.map((h) => (
                <th key={h.id} scope="col" className="px-2 py-2 font-medium">
                  {flexRender(h.column.columnDef.header, h.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              data-finding-id={row.id}
              className="align-top hover:bg-slate-50 dark:hover:bg-slate-800/50"
            >
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className="px-2 py-2">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
