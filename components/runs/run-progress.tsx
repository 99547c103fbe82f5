"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { Card, ErrorState } from "@/components/ui/card";
import { fetchJson } from "@/lib/api/fetch-json";
import { ZRunDetail } from "@/lib/api/runs";
import { formatDuration, ProgressBar, StatusBadge } from "./run-format";

const POLL_MS = 1_000;

/** A run being watched: polls while it runs, then refreshes the list once it has finished. */
export function RunProgress({ runId }: { runId: string }) {
  const client = useQueryClient();
  const q = useQuery({
    queryKey: ["run", runId],
    queryFn: () => fetchJson(`/api/v1/runs/${runId}`, ZRunDetail),
    refetchInterval: (query) =>
      query.state.data && query.state.data.status !== "running" ? false : POLL_MS,
    staleTime: 0,
  });
  const status = q.data?.status;
  const seen = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (seen.current === "running" && status && status !== "running")
      void client.invalidateQueries({ queryKey: ["runs"] });
    seen.current = status;
  }, [status, client]);

  if (q.isError)
    return (
      <ErrorState
        message={`Could not follow the run: ${q.error.message}`}
        onRetry={() => void q.refetch()}
      />
    );
  const run = q.data;
  const running = !run || run.status === "running";
  return (
    <Card className="border-indigo-200 dark:border-indigo-900">
      <div data-testid="run-progress" aria-live="polite" className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-sm font-medium">
            {running ? "Collection running" : "Collection finished"}{" "}
            {run ? <StatusBadge status={run.status} /> : null}
          </h2>
          <Link
            href={`/runs/${runId}`}
            className="text-sm text-indigo-700 hover:underline dark:text-indigo-300"
          >
            Run details
          </Link>
        </div>
        <ProgressBar
          done={run?.status === "running" ? run.progressDone : (run?.progressTotal ?? 0)}
          total={run?.progressTotal ?? 0}
          label="Collection progress"
        />
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="run-phase">
          {run ? (
            <>
              <span className="font-medium text-slate-800 dark:text-slate-200">{run.phase}</span>
              {run.progressTotal > 0
                ? ` · ${run.progressDone.toLocaleString("en-US")} of ${run.progressTotal.toLocaleString("en-US")} accounts`
                : null}
              {run.durationMs !== null ? ` · took ${formatDuration(run.durationMs)}` : null}
              {run.error ? ` · ${run.error}` : null}
            </>
          ) : (
            "Starting…"
          )}
        </p>
      </div>
    </Card>
  );
}
