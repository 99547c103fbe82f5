"use client";

// "Re-evaluate now": checks and KPIs again on the stored evidence (no AWS call); answers with what
// changed and links the new run. Used on Settings → Checks and on the runs page.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { ActionError } from "@/components/ui/action-error";
import { postJson } from "@/lib/api/fetch-json";
import { ZReevaluation } from "@/lib/api/check-settings";

export function ReevaluateButton({ disabled = false }: { disabled?: boolean }) {
  const client = useQueryClient();
  const run = useMutation({
    mutationFn: () => postJson("/api/v1/runs/re-evaluate", ZReevaluation, undefined),
    onSettled: () => void client.invalidateQueries({ queryKey: ["runs"] }),
  });
  const done = run.data;
  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={() => run.mutate()}
        disabled={disabled || run.isPending}
        className="rounded-md border border-indigo-600 px-3 py-1.5 text-sm font-medium text-indigo-700 hover:bg-indigo-50 disabled:cursor-not-allowed disabled:opacity-60 dark:text-indigo-300 dark:hover:bg-slate-800"
      >
        {run.isPending ? "Re-evaluating…" : "Re-evaluate now"}
      </button>
      <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
        {done ? (
          <>
            Re-evaluation {done.status}: {done.opened} opened, {done.reopened} reopened,{" "}
            {done.resolved} resolved.{" "}
            <Link
              href={`/runs/${done.id}`}
              className="text-indigo-700 underline dark:text-indigo-300"
            >
              See the run
            </Link>
          </>
        ) : null}
      </p>
      <ActionError error={run.error} block />
    </div>
  );
}
