"use client";

import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "@/components/tables/data-table";
import { Card, ErrorState, Skeleton, Stat } from "@/components/ui/card";
import { fetchJson } from "@/lib/api/fetch-json";
import { ZRunDetail, type TRunDetail } from "@/lib/api/runs";
import { formatMoney } from "@/lib/format/money";
import { LateCorrectionsCard } from "./late-corrections-card";
import { formatDuration, formatTime, ProgressBar, STATUS_HINT, StatusBadge } from "./run-format";

type TAccountError = TRunDetail["accountErrors"][number];
const ERROR_COLUMNS: ColumnDef<TAccountError>[] = [
  {
    id: "account",
    header: "Account",
    accessorFn: (e) => e.accountId,
    meta: { sticky: true },
    cell: ({ row }) => <span className="tabular">{row.original.accountId}</span>,
  },
  {
    id: "name",
    header: "Name",
    accessorFn: (e) => e.accountName ?? "",
    cell: ({ row }) => row.original.accountName ?? "–",
  },
  {
    id: "phase",
    header: "Phase",
    accessorFn: (e) => e.phase,
    cell: ({ row }) => row.original.phase,
  },
  {
    id: "message",
    header: "Error",
    accessorFn: (e) => e.message,
    cell: ({ row }) => (
      <span className="block max-w-[40rem] whitespace-normal break-words">
        {row.original.message}
      </span>
    ),
  },
];

type TRequest = { op: string; count: number };
const REQUEST_COLUMNS: ColumnDef<TRequest>[] = [
  {
    id: "op",
    header: "Service:Operation",
    accessorFn: (r) => r.op,
    cell: ({ row }) => <code className="text-xs">{row.original.op}</code>,
  },
  {
    id: "count",
    header: "Requests",
    accessorFn: (r) => r.count,
    meta: { align: "right" },
    cell: ({ row }) => row.original.count.toLocaleString("en-US"),
  },
];

export function RunDetail({ runId }: { runId: string }) {
  const q = useQuery({
    queryKey: ["run", runId],
    queryFn: () => fetchJson(`/api/v1/runs/${runId}`, ZRunDetail),
    refetchInterval: (query) => (query.state.data?.status === "running" ? 1_000 : false),
    staleTime: 0,
  });
  const run = q.data;
  const n = (v: number | null) => (v === null ? "–" : v.toLocaleString("en-US"));
  return (
    <div className="space-y-6">
      <header>
        <Link href="/runs" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
          ← Collection runs
        </Link>
        <h1 className="mt-1 flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
          Run of {run ? formatTime(run.startedAt) : "…"}{" "}
          {run ? <StatusBadge status={run.status} /> : null}
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {run ? (
            `${STATUS_HINT[run.status] ?? run.status}. ${run.source} source, triggered by ${run.triggeredBy ?? "unknown"}, phase ${run.phase}.`
          ) : (
            <Skeleton className="h-4 w-64" />
          )}
        </p>
      </header>
      {q.isError ? (
        <ErrorState
          message={`Could not load the run: ${q.error.message}`}
          onRetry={() => void q.refetch()}
        />
      ) : null}
      {run?.status === "running" ? (
        <Card>
          <ProgressBar
            done={run.progressDone}
            total={run.progressTotal}
            label="Collection progress"
          />
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            {run.phase}
            {run.progressTotal > 0 ? ` · ${n(run.progressDone)} of ${n(run.progressTotal)}` : null}
          </p>
        </Card>
      ) : null}
      {run?.error ? <ErrorState message={run.error} /> : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label="Duration"
          value={run ? formatDuration(run.durationMs) : <Skeleton className="h-8 w-20" />}
          hint={run ? `Finished ${formatTime(run.finishedAt)}` : null}
        />
        <Stat
          label="Accounts"
          hint="seen / audited / failed"
          value={
            run ? (
              `${n(run.accountsSeen)} / ${n(run.accountsAudited)} / ${n(run.accountsFailed)}`
            ) : (
              <Skeleton className="h-8 w-28" />
            )
          }
        />
        <Stat
          label="API requests"
          value={run ? n(run.apiRequestTotal) : <Skeleton className="h-8 w-16" />}
          hint={
            run
              ? run.ceCostUsd === null
                ? "Hidden: totals of the whole organization"
                : `Cost Explorer: ${n(run.ceRequests)} requests, ${formatMoney(run.ceCostUsd, { cents: true })}`
              : null
          }
        />
        <Stat
          label="Findings"
          hint="opened / resolved by this run"
          value={
            run ? (
              run.findingsOpened === null ? (
                "–"
              ) : (
                `+${n(run.findingsOpened)} / −${n(run.findingsResolved ?? 0)}`
              )
            ) : (
              <Skeleton className="h-8 w-20" />
            )
          }
        />
      </div>
      {run ? (
        <p data-testid="run-cost-tag-keys" className="text-sm text-slate-600 dark:text-slate-400">
          {run.costTagKeys.length ? (
            <>
              Spend by tag collected for{" "}
              {run.costTagKeys.length === 1 ? "the key" : `${n(run.costTagKeys.length)} keys`}:{" "}
              {run.costTagKeys.map((k, i) => (
                <span key={k}>
                  {i > 0 ? ", " : null}
                  <code className="text-xs">{k}</code>
                </span>
              ))}
              .
            </>
          ) : (
            "This run collected no spend by tag."
          )}
        </p>
      ) : null}
      {run ? <LateCorrectionsCard run={run} /> : null}
      <Card title={`Per-account errors${run ? ` (${n(run.accountErrors.length)})` : ""}`}>
        {run ? (
          <>
            <DataTable
              testId="run-errors"
              caption="Per-account errors"
              data={run.accountErrors}
              columns={ERROR_COLUMNS}
              pageSize={50}
              emptyMessage="No account failed in this run."
            />
            {run.orgTotalsHidden ? (
              <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
                Only your OUs&apos; accounts are listed; totals of the whole organization are
                hidden.
              </p>
            ) : null}
          </>
        ) : (
          <Skeleton className="h-32 w-full" />
        )}
      </Card>
      <Card title="API requests by operation">
        {run ? (
          <DataTable
            caption="API requests by operation"
            data={Object.entries(run.apiRequests).map(([op, count]) => ({ op, count }))}
            columns={REQUEST_COLUMNS}
            initialSorting={[{ id: "count", desc: true }]}
            emptyMessage="This source makes no API requests."
          />
        ) : (
          <Skeleton className="h-32 w-full" />
        )}
      </Card>
    </div>
  );
}
