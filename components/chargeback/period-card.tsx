"use client";

import { ActionError } from "@/components/ui/action-error";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { Card } from "@/components/ui/card";
import type { TChargebackView } from "@/lib/api/chargeback";
import { formatMonth } from "@/lib/format/money";
import { postJson } from "@/lib/api/fetch-json";
import { buttonClass, dangerButtonClass, mutedText, secondaryButtonClass } from "./styles";

const BADGE = {
  closed: {
    label: "Closed",
    cls: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
    text: "Frozen as issued. Later data changes are charged as adjustments in the next open month.",
  },
  open: {
    label: "Open",
    cls: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200",
    text: "Figures follow the latest cost data until the month is closed.",
  },
  estimated: {
    label: "Estimated",
    cls: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
    text: "Cost Explorer still marks this month's figures as estimated.",
  },
  empty: {
    label: "No data",
    cls: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
    text: "",
  },
} as const;

/** The month's period state, with close / re-open for admins (each behind a confirmation). */
export function PeriodCard({ view, canClose }: { view: TChargebackView; canClose: boolean }) {
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const month = view.month ?? "";
  const action = view.state === "closed" ? "reopen" : "close";
  const gate = action === "close" ? view.close : view.reopen;
  const mutation = useMutation({
    mutationFn: () =>
      postJson(
        `/api/v1/chargeback/periods/${month.slice(0, 7)}`,
        z.unknown(),
        undefined,
        action === "close" ? "PUT" : "DELETE",
      ),
    onSuccess: async () => {
      setConfirming(false);
      await qc.invalidateQueries({ queryKey: ["chargeback"] });
      await qc.invalidateQueries({ queryKey: ["chargeback-rules"] });
    },
  });
  const badge = BADGE[view.state];
  const label = `${action === "close" ? "Close" : "Re-open"} ${formatMonth(month)}`;
  return (
    <Card title="Period">
      <p className="flex items-center gap-2">
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-medium ${badge.cls}`}
          data-testid="period-state"
        >
          {badge.label}
        </span>
        <span className="font-medium">{formatMonth(month)}</span>
      </p>
      <p className={`mt-2 ${mutedText}`}>{badge.text}</p>
      {view.closed ? (
        <p className={`mt-1 ${mutedText}`}>
          Closed by {view.closed.closedBy} on{" "}
          {new Date(view.closed.closedAt).toLocaleString("en-US", {
            dateStyle: "medium",
            timeStyle: "short",
          })}
          .
        </p>
      ) : null}
      {canClose ? (
        <div className="mt-3 space-y-2">
          {confirming ? (
            <div
              role="group"
              aria-label={`Confirm: ${label}`}
              className="space-y-2 rounded-md border border-slate-200 p-2 dark:border-slate-700"
            >
              <p className="text-sm">
                {action === "close"
                  ? "Closing freezes this month's chargeback as issued; it can only change again through adjustments or an admin re-opening it."
                  : "Re-opening withdraws the issued lines; the month reads live again until it is closed anew."}
              </p>
              <div className="flex gap-2">
                <button
                  type="button"
                  className={action === "close" ? buttonClass : dangerButtonClass}
                  disabled={mutation.isPending}
                  onClick={() => mutation.mutate()}
                >
                  {mutation.isPending ? "Working…" : `Confirm: ${label}`}
                </button>
                <button
                  type="button"
                  className={secondaryButtonClass}
                  onClick={() => setConfirming(false)}
                >
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              className={action === "close" ? buttonClass : secondaryButtonClass}
              disabled={!gate.allowed}
              aria-describedby={gate.reason ? "period-gate-reason" : undefined}
              onClick={() => setConfirming(true)}
            >
              {label}
            </button>
          )}
          {gate.reason && !gate.allowed ? (
            <p
              id="period-gate-reason"
              className="text-sm text-amber-800 dark:text-amber-300"
              data-testid="period-gate-reason"
            >
              {gate.reason}
            </p>
          ) : null}
          <ActionError error={mutation.error} block />
        </div>
      ) : (
        <p className={`mt-3 text-xs ${mutedText}`}>Only admins close and re-open months.</p>
      )}
    </Card>
  );
}
