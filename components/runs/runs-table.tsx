"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "@/components/tables/data-table";
import type { TRunSummary } from "@/lib/api/runs";
import { formatMoney } from "@/lib/format/money";
import {
  formatDuration,
  formatShortTime,
  formatTime,
  StatusBadge,
  TwoLineHeader,
} from "./run-format";

/** "–" where a total is hidden from OU-scoped users. */
const n = (v: number | null) => (v === null ? "–" : v.toLocaleString("en-US"));
const muted = "text-slate-500 dark:text-slate-400";

function requestsTitle(r: TRunSummary): string {
  return Object.entries(r.apiRequests)
    .sort((a, b) => b[1] - a[1])
    .map(([op, count]) => `${op}: ${n(count)}`)
    .join("\n");
}

const COLUMNS: ColumnDef<TRunSummary>[] = [
  {
    id: "started",
    header: "Started",
    accessorFn: (r) => r.startedAt,
    meta: { sticky: true },
    cell: ({ row }) => (
      <Link
        href={`/runs/${row.original.id}`}
        title={`Finished ${formatTime(row.original.finishedAt)}`}
        className="text-indigo-700 hover:underline dark:text-indigo-300"
      >
        {formatShortTime(row.original.startedAt)}
      </Link>
    ),
  },
  {
    id: "status",
    header: "Status",
    accessorFn: (r) => r.status,
    cell: ({ row }) => <StatusBadge status={row.original.status} />,
  },
  {
    id: "source",
    header: "Source",
    accessorFn: (r) => r.source,
    cell: ({ row }) => (
      <span className="flex flex-col leading-tight">
        <span>{row.original.source}</span>
        <span
          className={`max-w-[11rem] truncate text-xs ${muted}`}
          title={row.original.triggeredBy ?? undefined}
        >
          {row.original.triggeredBy ? `by ${row.original.triggeredBy}` : "–"}
        </span>
      </span>
    ),
  },
  {
    id: "duration",
    header: "Duration",
    accessorFn: (r) => r.durationMs ?? -1,
    meta: { align: "right" },
    cell: ({ row }) => formatDuration(row.original.durationMs),
  },
  {
    id: "accounts",
    header: () => <TwoLineHeader title="Accounts" detail="seen / audited / failed" />,
    accessorFn: (r) => r.accountsSeen ?? r.accountsFailed,
    meta: { align: "right" },
    cell: ({ row }) => (
      <span>
        {n(row.original.accountsSeen)} / {n(row.original.accountsAudited)} /{" "}
        <span
          className={
            row.original.accountsFailed ? "font-medium text-red-700 dark:text-red-400" : ""
          }
        >
          {n(row.original.accountsFailed)}
        </span>
      </span>
    ),
  },
  {
    id: "requests",
    header: () => <TwoLineHeader title="API requests" detail="Cost Explorer · price" />,
    accessorFn: (r) => r.apiRequestTotal ?? -1,
    meta: { align: "right" },
    cell: ({ row }) => (
      <span
        className="flex flex-col items-end leading-tight"
        title={requestsTitle(row.original) || undefined}
      >
        <span>{n(row.original.apiRequestTotal)}</span>
        <span className={`text-xs ${muted}`}>
          {n(row.original.ceRequests)} ·{" "}
          {row.original.ceCostUsd === null
            ? "–"
            : formatMoney(row.original.ceCostUsd, { cents: true })}
        </span>
      </span>
    ),
  },
  {
    id: "findings",
    header: () => <TwoLineHeader title="Findings" detail="opened / resolved" />,
    accessorFn: (r) => r.findingsOpened ?? -1,
    meta: { align: "right" },
    cell: ({ row }) =>
      row.original.findingsOpened === null && row.original.findingsResolved === null ? (
        <span className={muted}>–</span>
      ) : (
        <span>
          +{n(row.original.findingsOpened ?? 0)} / −{n(row.original.findingsResolved ?? 0)}
        </span>
      ),
  },
];

export function RunsTable({ runs }: { runs: TRunSummary[] }) {
  return (
    <DataTable
      testId="runs-table"
      caption="Collection runs"
      data={runs}
      columns={COLUMNS}
      getRowId={(r) => r.id}
      emptyMessage="No collection has run yet."
      cards
    />
  );
}
