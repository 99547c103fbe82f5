"use client";

import { useId, useState, type ReactNode } from "react";
import { CATEGORIES, SEVERITIES } from "@/lib/domain/checks/types";
import { FINDING_STATUSES, type TFindingsList } from "@/lib/api/findings";
import type { FindingFilterOptions } from "@/lib/api/findings";
import { CATEGORY_LABEL } from "./badges";
import type { TFilterKey } from "./use-finding-filters";

const STATUS_LABEL: Record<(typeof FINDING_STATUSES)[number], string> = {
  open: "Open",
  muted: "Muted",
  excepted: "Excepted",
  stale: "Stale",
  resolved: "Resolved",
  all: "All",
};
const FILTER_KEYS = [
  "check",
  "category",
  "severity",
  "ou",
  "account",
  "mine",
  "overdue",
] as const satisfies readonly TFilterKey[];
const FIELD =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";

interface Props {
  raw: Partial<Record<TFilterKey, string | undefined>>;
  options: FindingFilterOptions;
  byStatus: TFindingsList["byStatus"] | undefined;
  onChange: (key: TFilterKey, value: string | undefined) => void;
  onClear: () => void;
}

export function StatusTabs({
  raw,
  byStatus,
  onChange,
}: Pick<Props, "raw" | "byStatus" | "onChange">) {
  const current = raw.status ?? "open";
  return (
    <div
      role="group"
      aria-label="Status"
      className="inline-flex flex-wrap rounded-lg border border-slate-200 bg-white p-0.5 dark:border-slate-800 dark:bg-slate-900"
    >
      {FINDING_STATUSES.map((s) => (
        <button
          key={s}
          type="button"
          aria-pressed={current === s}
          onClick={() => onChange("status", s === "open" ? undefined : s)}
          className={`rounded-md px-3 py-1 text-sm ${current === s ? "bg-indigo-600 font-medium text-white" : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"}`}
        >
          {STATUS_LABEL[s]}
          {byStatus ? (
            <span className="tabular ml-1.5 opacity-80">{byStatus[s].toLocaleString("en-US")}</span>
          ) : null}
        </button>
      ))}
    </div>
  );
}

function Field({
  label,
  className = "",
  children,
}: {
  label: string;
  className?: string;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="text-xs font-medium text-slate-600 dark:text-slate-400">
        {label}
      </label>
      {children(id)}
    </div>
  );
}

export function FindingsFilters({ raw, options, onChange, onClear }: Omit<Props, "byStatus">) {
  const [account, setAccount] = useState(raw.account ?? "");
  const [prevAccount, setPrevAccount] = useState(raw.account);
  // Follow the URL (back button, "clear") without an effect.
  if (prevAccount !== raw.account) {
    setPrevAccount(raw.account);
    setAccount(raw.account ?? "");
  }
  const any = FILTER_KEYS.some((k) => raw[k]);
  const select = (key: TFilterKey) => ({
    value: raw[key] ?? "",
    onChange: (e: { target: { value: string } }) => onChange(key, e.target.value || undefined),
  });

  return (
    <form
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6"
      onSubmit={(e) => {
        e.preventDefault();
        onChange("account", account.trim() || undefined);
      }}
    >
      <Field label="Check" className="lg:col-span-2">
        {(id) => (
          <select id={id} className={FIELD} {...select("check")}>
            <option value="">All checks</option>
            {options.checks.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Category">
        {(id) => (
          <select id={id} className={FIELD} {...select("category")}>
            <option value="">All categories</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABEL[c] ?? c}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Severity">
        {(id) => (
          <select id={id} className={FIELD} {...select("severity")}>
            <option value="">All severities</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {`${s.charAt(0).toUpperCase()}${s.slice(1)}`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="OU (with sub-OUs)">
        {(id) => (
          <select id={id} className={FIELD} {...select("ou")}>
            <option value="">All OUs</option>
            {options.ous.map((o) => (
              <option key={o.id} value={o.id}>
                {o.path}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="flex items-end gap-2">
        <Field label="Account id" className="min-w-0 flex-1">
          {(id) => (
            <input
              id={id}
              className={`${FIELD} tabular`}
              inputMode="numeric"
              placeholder="12 digits"
              value={account}
              onChange={(e) => setAccount(e.target.value)}
              onBlur={() =>
                account.trim() !== (raw.account ?? "") &&
                onChange("account", account.trim() || undefined)
              }
            />
          )}
        </Field>
        {any ? (
          <button
            type="button"
            onClick={onClear}
            className="mb-0.5 whitespace-nowrap rounded-md px-2 py-1.5 text-sm text-indigo-700 underline dark:text-indigo-300"
          >
            Clear
          </button>
        ) : null}
      </div>
      <fieldset className="flex items-end gap-4 lg:col-span-6">
        <legend className="sr-only">Ownership</legend>
        {(
          [
            ["mine", "Mine (my email or my teams)"],
            ["overdue", "Overdue"],
          ] as const
        ).map(([key, label]) => (
          <label key={key} className="inline-flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={raw[key] === "1"}
              onChange={(e) => onChange(key, e.target.checked ? "1" : undefined)}
            />
            {label}
          </label>
        ))}
      </fieldset>
    </form>
  );
}
