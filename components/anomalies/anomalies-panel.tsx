"use client";

import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { z } from "zod";
import { DataTable } from "@/components/tables/data-table";
import { Card, ErrorState, Skeleton } from "@/components/ui/card";
import { ZAnomalyList, type TAnomaly, type TAnomalyList } from "@/lib/api/anomalies";
import { fetchJson } from "@/lib/api/fetch-json";
import { formatMoney } from "@/lib/format/money";
import { AnomalyDetail } from "./anomaly-detail";
import { KIND_LABEL, STATUS_LABEL } from "./labels";

const ZStatus = z.enum(["open", "expected", "resolved", "all"]).catch("open");

function columns(select: (id: string) => void): ColumnDef<TAnomaly>[] {
  return [
    {
      id: "service",
      header: "Service",
      accessorFn: (a) => a.service,
      cell: ({ row }) => (
        <button
          type="button"
          className="text-left text-indigo-700 underline dark:text-indigo-300"
          onClick={() => select(row.original.id)}
        >
          {row.original.service}
        </button>
      ),
    },
    {
      id: "account",
      header: "Account",
      accessorFn: (a) => a.accountName ?? a.accountId,
      cell: ({ row }) => (
        <Link className="underline" href={`/accounts/${row.original.accountId}`}>
          {row.original.accountName ?? row.original.accountId}
        </Link>
      ),
    },
    { id: "kind", header: "Kind", accessorFn: (a) => KIND_LABEL[a.kind] },
    { id: "firstDay", header: "First day", accessorFn: (a) => a.firstDay },
    {
      id: "impact",
      header: "Impact",
      accessorFn: (a) => a.impact,
      cell: ({ row }) => formatMoney(row.original.impact),
      meta: { align: "right" },
    },
    {
      id: "impactPercent",
      header: "Above expected",
      accessorFn: (a) => a.impactPercent ?? Infinity,
      cell: ({ row }) =>
        row.original.impactPercent === null ? "new" : `${row.original.impactPercent} %`,
      meta: { align: "right" },
    },
    { id: "status", header: "Status", accessorFn: (a) => STATUS_LABEL[a.status] },
  ];
}

function RollUp({ title, rows }: { title: string; rows: TAnomalyList["rollUps"]["ou"] }) {
  return (
    <Card title={title}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No open anomalies.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {rows.slice(0, 5).map((r) => (
            <li key={r.key} className="flex justify-between gap-2">
              <span className="truncate">{r.label}</span>
              <span className="tabular">
                {r.count} · {formatMoney(r.impact)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function AnomaliesPanel({ canDecide }: { canDecide: boolean }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const status = ZStatus.parse(params.get("status") ?? undefined);
  const selected = params.get("id");
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };
  const q = useQuery({
    queryKey: ["anomalies", "list", status],
    queryFn: () => fetchJson(`/api/v1/anomalies?status=${status}`, ZAnomalyList),
  });
  return (
    <div className="space-y-4">
      <div className="flex items-center gap-2">
        <label htmlFor="anomaly-status" className="text-sm font-medium">
          Status
        </label>
        <select
          id="anomaly-status"
          value={status}
          onChange={(e) => setParam("status", e.target.value)}
          className="rounded-md border border-slate-300 px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
        >
          {(["open", "expected", "resolved", "all"] as const).map((s) => (
            <option key={s} value={s}>
              {s === "all" ? "All" : STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </div>
      {q.isPending ? (
        <Skeleton className="h-48" />
      ) : q.isError ? (
        <ErrorState message={q.error.message} onRetry={() => void q.refetch()} />
      ) : (
        <>
          <div className="grid gap-4 md:grid-cols-3">
            <RollUp title="Open by OU" rows={q.data.rollUps.ou} />
            <RollUp title="Open by cost center" rows={q.data.rollUps.costCenter} />
            <RollUp title="Open by account" rows={q.data.rollUps.account} />
          </div>
          <DataTable
            data={q.data.items}
            columns={columns((id) => setParam("id", id))}
            caption="Cost anomalies"
            getRowId={(a) => a.id}
            rowIdAttribute="data-anomaly-id"
            rowTestId="anomaly-row"
            pageSize={25}
            cards
            emptyMessage={
              status === "open"
                ? "No open anomalies: daily spend stayed within its expected range."
                : "No anomalies with this status."
            }
            testId="anomalies-table"
          />
        </>
      )}
      {selected ? <AnomalyDetail key={selected} id={selected} canDecide={canDecide} /> : null}
    </div>
  );
}
