"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { ActionError } from "@/components/ui/action-error";
import { postJson } from "@/lib/api/fetch-json";
import type { TRequestView } from "@/lib/api/requests";
import { VENDING_STEP_LABELS } from "@/lib/domain/requests/vending";

const when = (iso: string) =>
  new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });

const STATE: Record<"running" | "failed" | "done", string> = {
  running: "Creating the account…",
  failed: "Account creation failed",
  done: "Account created",
};

/** The request's vending log (CreateAccount → ready → OU → tags → budget) and its retry. */
export function VendingSteps({ r, canDecide }: { r: TRequestView; canDecide: boolean }) {
  const qc = useQueryClient();
  const retry = useMutation({
    mutationFn: () => postJson(`/api/v1/requests/${r.id}/retry`, z.unknown(), {}),
    onSettled: () => void qc.invalidateQueries({ queryKey: ["requests"] }),
  });
  const v = r.vending;
  if (!v) return null;
  return (
    <section className="mt-3 text-xs" aria-label={`Account creation of ${r.name}`}>
      <p
        className={`font-medium ${v.status === "failed" ? "text-red-700 dark:text-red-300" : ""}`}
        data-testid="vending-status"
      >
        {STATE[v.status]}
        {v.failedStep ? ` at step “${VENDING_STEP_LABELS[v.failedStep]}”` : ""}
      </p>
      {v.steps.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">No step has finished yet.</p>
      ) : (
        <ol className="mt-1 space-y-0.5" aria-label="Account creation steps">
          {v.steps.map((s, i) => (
            <li key={`${s.step}-${i}`} data-step={s.step} data-status={s.status}>
              <span aria-hidden="true">{s.status === "ok" ? "✓" : "✗"}</span>{" "}
              <span className="font-medium">{s.label}</span>{" "}
              <span className="sr-only">{s.status === "ok" ? "succeeded" : "failed"}</span>
              {when(s.at)}
              {s.detail ? (
                <span
                  className={
                    s.status === "failed"
                      ? "text-red-700 dark:text-red-300"
                      : "text-slate-600 dark:text-slate-400"
                  }
                >
                  {" "}
                  — {s.detail}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {canDecide && v.status === "failed" ? (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <button
            type="button"
            disabled={retry.isPending}
            onClick={() => retry.mutate()}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium disabled:opacity-60 dark:border-slate-700"
          >
            {retry.isPending ? "Retrying…" : "Retry from the failed step"}
          </button>
          <ActionError error={retry.error} />
        </div>
      ) : null}
    </section>
  );
}
