"use client";

import { useState } from "react";
import type { TChargebackView } from "@/lib/api/chargeback";
import { formatMonth } from "@/lib/format/money";
import { inputClass, secondaryButtonClass } from "./styles";

const STATE_LABEL = { closed: "closed", open: "open", estimated: "estimated" } as const;

/** Month picker and the two downloads (chargeback CSV of the month; FOCUS 1.2 for a range of months). */
export function MonthBar({
  view,
  onMonth,
}: {
  view: TChargebackView | undefined;
  onMonth: (month: string) => void;
}) {
  const month = view?.month ?? null;
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const from = range?.from ?? month?.slice(0, 7) ?? "";
  const to = range?.to ?? month?.slice(0, 7) ?? "";
  return (
    <div className="flex flex-wrap items-end gap-x-6 gap-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Month</span>
        <select
          className={inputClass}
          value={month ?? ""}
          disabled={!view?.months.length}
          onChange={(e) => onMonth(e.target.value)}
          data-testid="month-select"
        >
          {view?.months.map((m) => (
            <option key={m.month} value={m.month}>
              {formatMonth(m.month)} ({STATE_LABEL[m.state]})
            </option>
          )) ?? <option value="">Loading…</option>}
        </select>
      </label>
      <a
        className={`${secondaryButtonClass} ${month ? "" : "pointer-events-none opacity-50"}`}
        href={month ? `/api/v1/chargeback/export?month=${month.slice(0, 7)}` : undefined}
        aria-disabled={!month}
        download
        data-testid="download-chargeback"
      >
        Download chargeback CSV{month ? ` (${formatMonth(month)})` : ""}
      </a>
      <fieldset className="flex flex-wrap items-end gap-2">
        <legend className="mb-1 text-sm font-medium">FOCUS 1.2 export (billing months)</legend>
        <label className="flex flex-col gap-1 text-xs">
          From
          <input
            type="month"
            className={inputClass}
            value={from}
            onChange={(e) => setRange({ from: e.target.value, to })}
          />
        </label>
        <label className="flex flex-col gap-1 text-xs">
          To
          <input
            type="month"
            className={inputClass}
            value={to}
            onChange={(e) => setRange({ from, to: e.target.value })}
          />
        </label>
        <a
          className={`${secondaryButtonClass} ${from && to && from <= to ? "" : "pointer-events-none opacity-50"}`}
          href={
            from && to && from <= to ? `/api/v1/chargeback/focus?from=${from}&to=${to}` : undefined
          }
          download
          data-testid="download-focus"
        >
          Download FOCUS CSV
        </a>
      </fieldset>
    </div>
  );
}
