"use client";

import {
  FIXED_GROUP_BYS,
  groupByTitle,
  parseGroupBy,
  type TFixedGroupBy,
} from "@/lib/domain/showback/group-by";
import { monthToYearMonth } from "@/lib/domain/showback/period";
import {
  GRANULARITIES,
  METRICS,
  type TCostQuery,
  type TGranularity,
  type TMetric,
} from "@/lib/api/costs";
import type { TViewPatch } from "./use-cost-view";

const FIELD =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";
const LABEL = "text-xs font-medium text-slate-600 dark:text-slate-400";
const METRIC_LABEL: Record<TMetric, string> = {
  unblended: "Unblended",
  amortized: "Amortized",
  net: "Net",
};
const GRANULARITY_LABEL: Record<TGranularity, string> = { monthly: "Monthly", daily: "Daily" };

function Segmented<V extends string>({
  label,
  values,
  current,
  names,
  disabled,
  onChange,
}: {
  label: string;
  values: readonly V[];
  current: V;
  names: Record<V, string>;
  disabled?: (v: V) => string | null;
  onChange: (v: V) => void;
}) {
  return (
    <div className="min-w-0">
      <span className={LABEL} id={`seg-${label}`}>
        {label}
      </span>
      <div
        role="group"
        aria-labelledby={`seg-${label}`}
        className="mt-1 flex rounded-lg border border-slate-300 bg-white p-0.5 dark:border-slate-700 dark:bg-slate-900"
      >
        {values.map((v) => {
          const why = disabled?.(v) ?? null;
          return (
            <button
              key={v}
              type="button"
              aria-pressed={current === v}
              disabled={why !== null}
              title={why ?? undefined}
              onClick={() => onChange(v)}
              className={`flex-1 rounded-md px-2.5 py-1 text-sm disabled:cursor-not-allowed disabled:opacity-40 ${current === v ? "bg-indigo-600 font-medium text-white" : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"}`}
            >
              {names[v]}
            </button>
          );
        })}
      </div>
    </div>
  );
}

interface Props {
  query: TCostQuery;
  /** The window the server resolved (defaults filled in), "YYYY-MM-01". */
  window: { from: string; to: string } | null;
  tagKeys: string[];
  onChange: (patch: TViewPatch) => void;
}

export function CostControls({ query, window, tagKeys, onChange }: Props) {
  const groupBy = parseGroupBy(query.groupBy);
  const byTag = groupBy?.kind === "tag";
  // Tags, charge types and regions are collected per month only.
  const monthlyOnly =
    byTag ||
    groupBy?.kind === "charge-type" ||
    groupBy?.kind === "region" ||
    Boolean(query.chargeType || query.region);
  const tagChoices =
    byTag && !tagKeys.includes(groupBy.tagKey) ? [...tagKeys, groupBy.tagKey] : tagKeys;
  const from = query.from ?? (window ? monthToYearMonth(window.from) : "");
  const to = query.to ?? (window ? monthToYearMonth(window.to) : "");

  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(12rem,1.4fr)_auto_auto_minmax(8rem,1fr)_minmax(8rem,1fr)]">
      <label className={LABEL}>
        Group by
        <select
          className={FIELD}
          value={query.groupBy}
          onChange={(e) => {
            const next = e.target.value;
            // Spend by tag, charge type or region is collected per month only.
            const monthly = next.startsWith("tag:") || next === "charge-type" || next === "region";
            onChange({ groupBy: next, ...(monthly ? { granularity: undefined } : {}) });
          }}
        >
          {FIXED_GROUP_BYS.map((g: TFixedGroupBy) => (
            <option key={g} value={g}>
              {groupByTitle({ kind: g })}
            </option>
          ))}
          {tagChoices.length ? (
            <optgroup label="Tag">
              {tagChoices.map((k) => (
                <option key={k} value={`tag:${k}`}>
                  Tag: {k}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </label>
      <Segmented
        label="Metric"
        values={METRICS}
        current={query.metric}
        names={METRIC_LABEL}
        onChange={(v) => onChange({ metric: v })}
      />
      <Segmented
        label="Granularity"
        values={GRANULARITIES}
        current={query.granularity}
        names={GRANULARITY_LABEL}
        disabled={(v) =>
          v === "daily" && monthlyOnly
            ? "Spend by tag, charge type or region is collected per month"
            : null
        }
        onChange={(v) => onChange({ granularity: v })}
      />
      <label className={LABEL}>
        From
        <input
          type="month"
          className={FIELD}
          value={from}
          max={to || undefined}
          onChange={(e) => e.target.value && onChange({ from: e.target.value })}
        />
      </label>
      <label className={LABEL}>
        To
        <input
          type="month"
          className={FIELD}
          value={to}
          min={from || undefined}
          onChange={(e) => e.target.value && onChange({ to: e.target.value })}
        />
      </label>
    </div>
  );
}
