"use client";

import { ActionError } from "@/components/ui/action-error";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { Card } from "@/components/ui/card";
import { postJson } from "@/lib/api/fetch-json";
import type { TRequestView } from "@/lib/api/requests";
import { formatMoney } from "@/lib/format/money";
import { VendingSteps } from "./vending-steps";

const BADGE: Record<TRequestView["status"], string> = {
  requested: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100",
  approved: "bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200",
  rejected: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
  provisioned: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  compliant: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
};
const when = (iso: string) =>
  new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });

export function RequestCard({ r, canDecide }: { r: TRequestView; canDecide: boolean }) {
  const qc = useQueryClient();
  const [note, setNote] = useState("");
  const decide = useMutation({
    mutationFn: (decision: "approve" | "reject") =>
      postJson(`/api/v1/requests/${r.id}/decision`, z.unknown(), { decision, note }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ["requests"] }),
  });
  return (
    <Card>
      <article aria-label={`Request ${r.name}`}>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="font-medium">
            {r.name}{" "}
            <span className="text-sm font-normal text-slate-600 dark:text-slate-400">
              · {r.environment} · {r.targetOuPath}
            </span>
          </h2>
          <span
            className={`rounded-full px-2 py-0.5 text-xs font-medium ${BADGE[r.status]}`}
            data-testid="request-status"
          >
            {r.status}
          </span>
        </div>
        <p className="mt-1 text-sm">{r.purpose}</p>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          Owner {r.owner} · cost center {r.costCenter}
          {r.monthlyBudget !== null ? ` · budget ${formatMoney(r.monthlyBudget)}/month` : ""} ·
          requested by {r.requestedBy}
          {r.accountId ? ` · account ${r.accountId}` : ""}
          {r.hoursToCompliant !== null
            ? ` · compliant after ${r.hoursToCompliant.toFixed(1)} h`
            : ""}
        </p>
        <ol className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-xs" aria-label="Timeline">
          {r.timeline.map((t) => (
            <li key={t.status}>
              <span className="font-medium capitalize">{t.status}</span> {when(t.at)}
              {t.detail ? (
                <span className="text-slate-600 dark:text-slate-400"> — {t.detail}</span>
              ) : null}
            </li>
          ))}
        </ol>
        {r.vending ? <VendingSteps r={r} canDecide={canDecide} /> : null}
        {canDecide && r.status === "requested" ? (
          <div className="mt-3 flex flex-wrap items-end gap-2">
            <label className="text-sm">
              <span className="mb-1 block font-medium">Comment</span>
              <input
                value={note}
                onChange={(e) => setNote(e.target.value)}
                className="w-72 rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-950"
              />
            </label>
            <button
              type="button"
              disabled={decide.isPending}
              onClick={() => decide.mutate("approve")}
              className="rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-800 disabled:opacity-60"
            >
              Approve
            </button>
            <button
              type="button"
              disabled={decide.isPending}
              onClick={() => decide.mutate("reject")}
              className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60"
            >
              Reject
            </button>
            <ActionError error={decide.error} />
          </div>
        ) : null}
      </article>
    </Card>
  );
}
