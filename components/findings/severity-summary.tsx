"use client";

import { Skeleton } from "@/components/ui/card";
import { SEVERITIES, type TSeverity } from "@/lib/domain/checks/types";
import type { TFindingsList } from "@/lib/api/findings";

const ACCENT: Record<TSeverity, string> = {
  critical: "border-l-red-600 dark:border-l-red-500",
  high: "border-l-orange-500 dark:border-l-orange-500",
  medium: "border-l-amber-400 dark:border-l-amber-400",
  low: "border-l-sky-400 dark:border-l-sky-400",
  info: "border-l-slate-400 dark:border-l-slate-500",
};

/** Open, unmuted findings per severity; a card toggles the severity filter. */
export function SeveritySummary({
  counts,
  active,
  onSelect,
}: {
  counts: TFindingsList["openBySeverity"] | undefined;
  active: TSeverity | undefined;
  onSelect: (s: TSeverity | undefined) => void;
}) {
  return (
    <div
      className="grid grid-cols-2 gap-3 sm:grid-cols-5"
      role="group"
      aria-label="Open findings by severity (muted ones not counted)"
    >
      {SEVERITIES.map((s) => {
        const pressed = active === s;
        return (
          <button
            key={s}
            type="button"
            aria-pressed={pressed}
            onClick={() => onSelect(pressed ? undefined : s)}
            className={`rounded-lg border border-l-4 bg-white p-3 text-left shadow-sm transition hover:bg-slate-50 dark:bg-slate-900 dark:hover:bg-slate-800 ${ACCENT[s]} ${pressed ? "border-indigo-500 ring-2 ring-indigo-500 dark:border-indigo-400" : "border-slate-200 dark:border-slate-800"}`}
          >
            <span className="block text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">
              {s}
            </span>
            <span className="tabular mt-1 block text-2xl font-semibold" data-testid={`count-${s}`}>
              {counts ? counts[s].toLocaleString("en-US") : <Skeleton className="h-8 w-10" />}
            </span>
          </button>
        );
      })}
    </div>
  );
}
