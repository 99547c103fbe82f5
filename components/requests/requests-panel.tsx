"use client";

import { ActionError } from "@/components/ui/action-error";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { z } from "zod";
import { Card, ErrorState, Skeleton } from "@/components/ui/card";
import { fetchJson } from "@/lib/api/fetch-json";
import { ZRequestList } from "@/lib/api/requests";
import { REQUEST_STATUSES } from "@/lib/domain/requests/state-machine";
import { RequestCard } from "./request-card";
import { RequestForm } from "./request-form";

const ZFilter = z.enum(["all", ...REQUEST_STATUSES]).catch("all");

export function RequestsPanel({ ous }: { ous: { id: string; path: string }[] }) {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ["requests"],
    queryFn: () => fetchJson("/api/v1/requests", ZRequestList),
  });
  const sync = useMutation({
    mutationFn: () =>
      fetchJson(
        "/api/v1/requests/sync",
        z.object({ provisioned: z.number(), compliant: z.number() }),
        { method: "POST" },
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["requests"] }),
  });
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const status = ZFilter.parse(params.get("status") ?? "all");
  const setStatus = (s: string) => {
    const next = new URLSearchParams(params);
    if (s === "all") next.delete("status");
    else next.set("status", s);
    router.replace(`${pathname}${next.size ? `?${next}` : ""}`, { scroll: false });
  };
  const shown = q.data?.requests.filter((r) => status === "all" || r.status === status) ?? [];
  return (
    <div className="space-y-6">
      <RequestForm ous={ous} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <label className="text-sm">
          <span className="mr-2">Status</span>
          <select
            value={status}
            onChange={(e) => setStatus(e.target.value)}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-950"
          >
            <option value="all">All</option>
            {REQUEST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        {q.data?.canDecide ? (
          <div className="flex items-center gap-3">
            {sync.data ? (
              <span
                role="status"
                className="text-sm"
              >{`${sync.data.provisioned} provisioned, ${sync.data.compliant} compliant`}</span>
            ) : null}
            <button
              type="button"
              disabled={sync.isPending}
              onClick={() => sync.mutate()}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700"
            >
              Check for new accounts
            </button>
            <ActionError error={sync.error} />
          </div>
        ) : null}
      </div>
      {q.isError ? <ErrorState message={q.error.message} onRetry={() => void q.refetch()} /> : null}
      {!q.data ? (
        <Skeleton className="h-40 w-full" />
      ) : shown.length === 0 ? (
        <Card>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {q.data.requests.length
              ? "No request has this status."
              : q.data.canDecide
                ? "No account requests yet."
                : "You have not requested an account yet."}
          </p>
        </Card>
      ) : (
        shown.map((r) => <RequestCard key={r.id} r={r} canDecide={q.data.canDecide} />)
      )}
    </div>
  );
}
