"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Card, ErrorState, Skeleton } from "@/components/ui/card";
import { ApiError, fetchJson, postJson } from "@/lib/api/fetch-json";
import { ZRunList, ZTriggeredRun } from "@/lib/api/runs";
import { ReevaluateButton } from "@/components/settings/reevaluate-button";
import { RunProgress } from "./run-progress";
import { RunsTable } from "./runs-table";

const LIST_POLL_MS = 2_000;

export function RunsView({
  canTrigger,
  canReevaluate = false,
}: {
  canTrigger: boolean;
  /** Admins of the whole organization re-run checks and KPIs on the stored evidence. */
  canReevaluate?: boolean;
}) {
  const client = useQueryClient();
  const [triggered, setTriggered] = useState<string | null>(null);
  const list = useInfiniteQuery({
    queryKey: ["runs"],
    queryFn: ({ pageParam }) =>
      fetchJson(
        `/api/v1/runs${pageParam ? `?before=${encodeURIComponent(pageParam)}` : ""}`,
        ZRunList,
      ),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    refetchInterval: (q) =>
      q.state.data?.pages.some((p) => p.runs.some((r) => r.status === "running"))
        ? LIST_POLL_MS
        : false,
    staleTime: 0,
  });
  const trigger = useMutation({
    mutationFn: () => postJson("/api/v1/runs", ZTriggeredRun, {}),
    onSuccess: (run) => {
      setTriggered(run.id);
      void client.invalidateQueries({ queryKey: ["runs"] });
    },
  });
  const runs = list.data?.pages.flatMap((p) => p.runs) ?? [];
  const watching = triggered ?? runs.find((r) => r.status === "running")?.id ?? null;
  const busy = trigger.isPending || runs.some((r) => r.status === "running");
  const triggerError =
    trigger.error instanceof ApiError && trigger.error.status === 409
      ? "A collection run is already running. Wait for it to finish."
      : trigger.error?.message;

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Collection runs</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Each run reads the organization, spend and evidence, then stores it in one step. A
            failed run keeps the last good data.
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-3">
          {canReevaluate ? <ReevaluateButton disabled={busy} /> : null}
          {canTrigger ? (
            <button
              type="button"
              onClick={() => trigger.mutate()}
              disabled={busy}
              className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:cursor-not-allowed disabled:opacity-60"
            >
              {trigger.isPending ? "Starting…" : "Run collection now"}
            </button>
          ) : null}
        </div>
      </header>
      {triggerError ? <ErrorState message={`Could not start a run: ${triggerError}`} /> : null}
      {watching ? <RunProgress key={watching} runId={watching} /> : null}
      {list.isError ? (
        <ErrorState
          message={`Could not load the runs: ${list.error.message}`}
          onRetry={() => void list.refetch()}
        />
      ) : null}
      <Card>
        {list.data ? <RunsTable runs={runs} /> : <Skeleton className="h-64 w-full" />}
        {list.hasNextPage ? (
          <div className="mt-3 text-center">
            <button
              type="button"
              onClick={() => void list.fetchNextPage()}
              disabled={list.isFetchingNextPage}
              className="rounded-md border border-slate-300 px-3 py-1 text-sm disabled:opacity-60 dark:border-slate-700"
            >
              {list.isFetchingNextPage ? "Loading…" : "Older runs"}
            </button>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
