"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { ActionError } from "@/components/ui/action-error";
import { Card, ErrorState, Skeleton } from "@/components/ui/card";
import { ZAnomaly, ZAnomalyDetail, type TAnomaly } from "@/lib/api/anomalies";
import { fetchJson, postJson } from "@/lib/api/fetch-json";
import { formatMoney } from "@/lib/format/money";
import { AnomalyChart } from "./anomaly-chart";
import { KIND_LABEL, STATUS_LABEL } from "./labels";

function DecisionForm({ anomaly }: { anomaly: TAnomaly }) {
  const qc = useQueryClient();
  const [reason, setReason] = useState("");
  const decide = useMutation({
    mutationFn: (status: TAnomaly["status"]) =>
      postJson(`/api/v1/anomalies/${anomaly.id}/decision`, ZAnomaly, { status, reason }),
    onSuccess: () => {
      setReason("");
      void qc.invalidateQueries({ queryKey: ["anomalies"] });
    },
  });
  const actions: { status: TAnomaly["status"]; label: string }[] =
    anomaly.status === "open"
      ? [
          { status: "expected", label: "Mark as expected" },
          { status: "resolved", label: "Mark as resolved" },
        ]
      : [{ status: "open", label: "Reopen" }];
  return (
    <form className="mt-4 space-y-2" onSubmit={(e) => e.preventDefault()}>
      <label className="block text-sm font-medium" htmlFor="anomaly-reason">
        Reason
      </label>
      <input
        id="anomaly-reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
        placeholder="e.g. monthly batch job, load test, rightsized"
      />
      <div className="flex flex-wrap items-center gap-2">
        {actions.map((a) => (
          <button
            key={a.status}
            type="button"
            disabled={decide.isPending}
            onClick={() => decide.mutate(a.status)}
            className="rounded-md bg-indigo-600 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
          >
            {a.label}
          </button>
        ))}
        <ActionError error={decide.error} />
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        “Expected” teaches the detector: a spike on the same day of the month in this account and
        service is treated as normal from the next run on.
      </p>
    </form>
  );
}

export function AnomalyDetail({ id, canDecide }: { id: string; canDecide: boolean }) {
  const q = useQuery({
    queryKey: ["anomalies", "detail", id],
    queryFn: () => fetchJson(`/api/v1/anomalies/${id}`, ZAnomalyDetail),
  });
  if (q.isPending)
    return (
      <Card>
        <Skeleton className="h-64" />
      </Card>
    );
  if (q.isError) return <ErrorState message={q.error.message} onRetry={() => void q.refetch()} />;
  const a = q.data.anomaly;
  return (
    <Card>
      <section aria-label="Selected anomaly" data-testid="anomaly-detail">
        <h2 className="font-medium">
          {KIND_LABEL[a.kind]} in {a.service} ·{" "}
          <Link
            className="text-indigo-700 underline dark:text-indigo-300"
            href={`/accounts/${a.accountId}`}
          >
            {a.accountName ?? a.accountId}
          </Link>
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {a.firstDay === a.lastDay ? a.firstDay : `${a.firstDay} to ${a.lastDay}`} · expected{" "}
          {formatMoney(a.expected)}, spent {formatMoney(a.actual)} ·{" "}
          <span data-testid="anomaly-detail-impact">{formatMoney(a.impact)}</span> above ·{" "}
          {STATUS_LABEL[a.status]}
          {a.reason ? ` (${a.reason}, ${a.decidedBy ?? ""})` : ""}
        </p>
        <div className="mt-3">
          <AnomalyChart detail={q.data} />
        </div>
        {canDecide ? <DecisionForm anomaly={a} /> : null}
      </section>
    </Card>
  );
}
