"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { createContext, useContext } from "react";
import { DataTable } from "@/components/tables/data-table";
import type { TFindingRow } from "@/lib/api/findings";
import { formatDate, SeverityBadge, StatusBadges } from "./badges";
import { OwnerCell } from "./owner-cell";

// Rows arrive in triage order from the server (severity, then check, account, resource), which is the
// order every page and the export share, so the columns do not sort client-side.
const columns: ColumnDef<TFindingRow>[] = [
  {
    id: "severity",
    header: "Severity",
    enableSorting: false,
    cell: ({ row }) => <SeverityBadge severity={row.original.severity} />,
  },
  {
    id: "title",
    header: "Finding",
    enableSorting: false,
    meta: { cardTitle: true, cellClassName: "" },
    cell: ({ row }) => (
      <div className="min-w-0 md:min-w-64">
        <Link
          href={`/findings/${row.original.id}`}
          // Underlined on a phone card, where the title sits in a block of text: colour alone must not
          // tell the link apart (axe link-in-text-block).
          className="font-medium text-indigo-700 underline underline-offset-2 hover:underline md:no-underline dark:text-indigo-300"
        >
          {row.original.title}
        </Link>
        <p className="mt-0.5 line-clamp-2 text-xs font-normal text-slate-600 dark:text-slate-400">
          {row.original.message}
        </p>
      </div>
    ),
  },
  {
    id: "check",
    header: "Check",
    enableSorting: false,
    meta: { cellClassName: "" },
    cell: ({ row }) => <span className="text-xs">{row.original.checkTitle}</span>,
  },
  {
    id: "account",
    header: "Account / OU",
    enableSorting: false,
    cell: ({ row }) => {
      const r = row.original;
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
  },
  {
    id: "status",
    header: "Status",
    enableSorting: false,
    meta: { cellClassName: "" },
    cell: ({ row }) => {
      const r = row.original;
      return (
        <div className="text-xs">
          <StatusBadges
            status={r.status}
            stale={r.stale}
            mutedUntil={r.mutedUntil}
            excepted={r.exception !== null}
          />
          {r.exception ? (
            <p className="mt-1 max-w-56 text-slate-600 dark:text-slate-400">
              by rule{" "}
              <Link
                href="/settings/exceptions"
                className="font-medium underline"
                data-testid="finding-exception-rule"
              >
                {r.exception.name}
              </Link>
            </p>
          ) : null}
          {r.mutedUntil ? (
            <p className="mt-1 max-w-56 text-slate-600 dark:text-slate-400">
              until {formatDate(r.mutedUntil)} by {r.mutedBy ?? "?"}: “{r.muteReason}”
            </p>
          ) : null}
        </div>
      );
    },
  },
  {
    id: "owner",
    header: "Owner / due",
    enableSorting: false,
    meta: { cellClassName: "" },
    cell: ({ row }) => <OwnerCell row={row.original} />,
  },
  {
    id: "firstSeen",
    header: "First seen",
    enableSorting: false,
    cell: ({ row }) => (
      <span className="tabular text-xs">{formatDate(row.original.firstSeenAt)}</span>
    ),
  },
  {
    id: "lastSeen",
    header: "Last seen",
    enableSorting: false,
    cell: ({ row }) => (
      <span className="tabular text-xs">{formatDate(row.original.lastSeenAt)}</span>
    ),
  },
];

export interface RowSelection {
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
  setAll: (ids: string[] | null) => void;
}

const SelectionContext = createContext<RowSelection | null>(null);

function SelectAll({ rows }: { rows: TFindingRow[] }) {
  const sel = useContext(SelectionContext);
  if (!sel) return null;
  const all = rows.length > 0 && rows.every((r) => sel.selected.has(r.id));
  return (
    <input
      type="checkbox"
      aria-label="Select all shown findings"
      checked={all}
      onChange={() => sel.setAll(all ? null : rows.map((r) => r.id))}
    />
  );
}

function SelectOne({ row }: { row: TFindingRow }) {
  const sel = useContext(SelectionContext);
  if (!sel) return null;
  return (
    <input
      type="checkbox"
      aria-label={`Select ${row.title} (${row.accountName ?? row.accountId ?? "organization"})`}
      checked={sel.selected.has(row.id)}
      onChange={() => sel.toggle(row.id)}
    />
  );
}

/**
 * A leading checkbox column, for assigning several findings at once. Defined once, reading the selection
 * from context: a column built per render gives its cells a new component type each time, so React would
 * remount every checkbox on any re-render (a background refetch) and a click landing during one is lost.
 */
const selectColumn: ColumnDef<TFindingRow> = {
  id: "select",
  header: ({ table }) => <SelectAll rows={table.getCoreRowModel().rows.map((r) => r.original)} />,
  enableSorting: false,
  meta: { sticky: false, hideInCard: false },
  cell: ({ row }) => <SelectOne row={row.original} />,
};
const selectableColumns = [selectColumn, ...columns];

/** One page of findings: a table on wider screens, one card per finding on a phone. */
export function FindingsTable({
  rows,
  selection,
}: {
  rows: TFindingRow[];
  selection?: RowSelection;
}) {
  return (
    <SelectionContext value={selection ?? null}>
      <DataTable
        testId="findings-table"
        caption="Findings, most severe first"
        data={rows}
        columns={selection ? selectableColumns : columns}
        getRowId={(r) => r.id}
        rowIdAttribute="data-finding-id"
        align="top"
        cards
      />
    </SelectionContext>
  );
}
