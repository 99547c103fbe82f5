"use client";

import { addMonths, monthRange } from "@/lib/domain/months";
import { formatMonth } from "@/lib/format/money";

export interface PeriodPickerProps {
  from: string;
  to: string;
  /** First month with cost data (null: none yet) and the current month. */
  first: string | null;
  current: string;
  onChange: (from: string, to: string) => void;
}

const selectClass =
  "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900 focus:outline-none focus:ring-2 focus:ring-indigo-500";

/** Whole months, From and To; presets for the views leadership asks for most. */
export function PeriodPicker({ from, to, first, current, onChange }: PeriodPickerProps) {
  const lastFull = addMonths(current, -1);
  const months = monthRange(
    first && first < lastFull ? first : addMonths(lastFull, -12),
    current,
  ).reverse();
  const presets = [
    { label: "Last month", from: lastFull, to: lastFull },
    { label: "Last 3 months", from: addMonths(lastFull, -2), to: lastFull },
    { label: "Last 12 months", from: addMonths(lastFull, -11), to: lastFull },
    { label: "Month to date", from: current, to: current },
  ];
  const option = (m: string) => (
    <option key={m} value={m}>
      {formatMonth(m)}
      {m === current ? " (to date)" : ""}
    </option>
  );
  return (
    <fieldset className="flex flex-wrap items-end gap-2">
      <legend className="sr-only">Spend period</legend>
      <label className="flex flex-col text-xs text-slate-600 dark:text-slate-400">
        From
        <select
          className={selectClass}
          value={from}
          onChange={(e) => onChange(e.target.value, e.target.value > to ? e.target.value : to)}
        >
          {months.map(option)}
        </select>
      </label>
      <label className="flex flex-col text-xs text-slate-600 dark:text-slate-400">
        To
        <select
          className={selectClass}
          value={to}
          onChange={(e) => onChange(e.target.value < from ? e.target.value : from, e.target.value)}
        >
          {months.map(option)}
        </select>
      </label>
      <div className="flex flex-wrap gap-1" role="group" aria-label="Period presets">
        {presets.map((p) => {
          const on = p.from === from && p.to === to;
          return (
            <button
              key={p.label}
              type="button"
              aria-pressed={on}
              onClick={() => onChange(p.from, p.to)}
              className={`rounded-md border px-2 py-1.5 text-xs ${
                on
                  ? "border-indigo-500 bg-indigo-50 font-medium text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200"
                  : "border-slate-300 text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800"
              }`}
            >
              {p.label}
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}
