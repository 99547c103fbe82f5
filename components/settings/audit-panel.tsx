"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useState } from "react";
import { DataTable } from "@/components/tables/data-table";
import { Card, ErrorState, Skeleton } from "@/components/ui/card";
import { fetchJson } from "@/lib/api/fetch-json";
import type { z } from "zod";
import { ZAuditPage, type ZAuditEvent } from "@/lib/api/settings";

type AuditEvent = z.infer<typeof ZAuditEvent>;

const columns: ColumnDef<AuditEvent>[] = [
  {
    id: "when",
    header: "When",
    enableSorting: false,
    cell: ({ row }) => new Date(row.original.at).toLocaleString("en-US"),
  },
  { id: "who", header: "Who", enableSorting: false, cell: ({ row }) => row.original.actor },
  {
    id: "action",
    header: "Action",
    enableSorting: false,
    cell: ({ row }) => <span className="font-mono text-xs">{row.original.action}</span>,
  },
  {
    id: "target",
    header: "Target",
    enableSorting: false,
    cell: ({ row }) => row.original.target ?? "—",
  },
  {
    id: "detail",
    header: "Detail",
    enableSorting: false,
    cell: ({ row }) => (
      <span
        className="block max-w-md truncate font-mono text-xs"
        title={JSON.stringify(row.original.detail)}
      >
        {JSON.stringify(row.original.detail)}
      </span>
    ),
  },
];

const input =
  "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950";

export function AuditPanel() {
  const [action, setAction] = useState("");
  const [actor, setActor] = useState("");
  const q = useInfiniteQuery({
    queryKey: ["audit", action, actor],
    initialPageParam: 0,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: "100" });
      if (action) params.set("action", action);
      if (actor) params.set("actor", actor);
      if (pageParam) params.set("before", String(pageParam));
      return fetchJson(`/api/audit?${params.toString()}`, ZAuditPage);
    },
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const events = q.data?.pages.flatMap((p) => p.events) ?? [];

  return (
    <Card title="Audit trail (append-only)">
      <div className="mb-4 flex flex-wrap gap-3">
        <label className="text-sm">
          <span className="mb-1 block font-medium">Action starts with</span>
          <input
            value={action}
            onChange={(e) => setAction(e.target.value)}
            placeholder="e.g. export"
            className={input}
          />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Actor contains</span>
          <input
            value={actor}
            onChange={(e) => setActor(e.target.value)}
            placeholder="email"
            className={input}
          />
        </label>
      </div>
      {q.isError ? <ErrorState message={q.error.message} onRetry={() => void q.refetch()} /> : null}
      {q.isPending ? (
        <Skeleton className="h-40 w-full" />
      ) : events.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No events match.</p>
      ) : (
        <DataTable
          caption="Audit events, newest first"
          data={events}
          columns={columns}
          getRowId={(e) => String(e.id)}
          rowTestId="audit-row"
          align="top"
        />
      )}
      {q.hasNextPage ? (
        <button
          type="button"
          onClick={() => void q.fetchNextPage()}
          disabled={q.isFetchingNextPage}
          className="mt-3 text-sm font-medium text-indigo-700 underline dark:text-indigo-300"
        >
          {q.isFetchingNextPage ? "Loading…" : "Load older events"}
        </button>
      ) : null}
    </Card>
  );
}
