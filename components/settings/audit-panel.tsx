"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Card, ErrorState, Skeleton } from "@/components/ui/card";
import { fetchJson } from "@/lib/api/fetch-json";
import { ZAuditPage } from "@/lib/api/settings";

const input = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950";

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
          <input value={action} onChange={(e) => setAction(e.target.value)} placeholder="e.g. export" className={input} />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Actor contains</span>
          <input value={actor} onChange={(e) => setActor(e.target.value)} placeholder="email" className={input} />
        </label>
      </div>
      {q.isError ? <ErrorState message={q.error.message} onRetry={() => void q.refetch()} /> : null}
      {q.isPending ? (
        <Skeleton className="h-40 w-full" />
      ) : events.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No events match.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-600 dark:text-slate-400">
            <tr>
              <th className="py-2">When</th>
              <th>Who</th>
              <th>Action</th>
              <th>Target</th>
              <th>Detail</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id} className="border-t border-slate-100 align-top dark:border-slate-800" data-testid="audit-row">
                <td className="whitespace-nowrap py-2 pr-3">{new Date(e.at).toLocaleString("en-US")}</td>
                <td className="pr-3">{e.actor}</td>
                <td className="pr-3 font-mono text-xs">{e.action}</td>
                <td className="pr-3">{e.target ?? "—"}</td>
                <td className="max-w-md truncate font-mono text-xs" title={JSON.stringify(e.detail)}>
                  {JSON.stringify(e.detail)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {q.hasNextPage ? (
        <button type="button" onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage} className="mt-3 text-sm font-medium text-indigo-700 underline dark:text-indigo-300">
          {q.isFetchingNextPage ? "Loading…" : "Load older events"}
        </button>
      ) : null}
    </Card>
  );
}
