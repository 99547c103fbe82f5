"use client";

import Link from "next/link";
import type { TKpisResponse } from "@/lib/api/kpis";
import { CATEGORIES, SEVERITIES } from "@/lib/domain/checks/types";

const CATEGORY_LABEL: Record<(typeof CATEGORIES)[number], string> = {
  "identity-access": "Identity & access",
  segregation: "Segregation",
  logging: "Logging",
  organization: "Organization",
  "cost-tagging": "Cost & tagging",
};

/** Filled cells shout by severity so critical and high stand out; empty cells stay quiet. */
const CELL: Record<(typeof SEVERITIES)[number], string> = {
  critical: "bg-red-600 text-white dark:bg-red-700",
  high: "bg-orange-500 text-white dark:bg-orange-700",
  medium: "bg-amber-200 text-amber-950 dark:bg-amber-800 dark:text-amber-50",
  low: "bg-sky-100 text-sky-950 dark:bg-sky-900 dark:text-sky-50",
  info: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100",
};

/** Open, unmuted findings by category and severity; cells link to the findings list when the caller may open it. */
export function FindingsMatrix({
  findings,
  linkable,
}: {
  findings: TKpisResponse["findings"];
  linkable: boolean;
}) {
  const count = (c: string, s: string) =>
    findings.cells.find((x) => x.category === c && x.severity === s)?.count ?? 0;
  const categories = CATEGORIES.filter((c) => SEVERITIES.some((s) => count(c, s) > 0));
  if (!findings.total)
    return (
      <p className="py-8 text-center text-sm text-slate-500 dark:text-slate-400">
        No open findings. Nice.
      </p>
    );
  const cell = (c: (typeof CATEGORIES)[number] | null, s: string | null, n: number) => {
    const text = n.toLocaleString("en-US");
    if (!linkable || n === 0) return text;
    const q = new URLSearchParams({ ...(c ? { category: c } : {}), ...(s ? { severity: s } : {}) });
    return (
      <Link
        href={`/findings?${q.toString()}`}
        className="block underline-offset-2 hover:underline"
        aria-label={`${text} open ${s ?? ""} ${c ? CATEGORY_LABEL[c] : ""} findings`.replace(
          /\s+/g,
          " ",
        )}
      >
        {text}
      </Link>
    );
  };
  // Hand-built, not DataTable: a pivot (categories × severities, linked cells) is not a list of rows.
  return (
    <div
      className="overflow-x-auto"
      tabIndex={0}
      role="region"
      aria-label="Open findings by category and severity table"
    >
      <table
        className="w-full border-separate border-spacing-1 text-sm"
        data-testid="findings-matrix"
      >
        <thead>
          <tr className="text-xs text-slate-500 dark:text-slate-400">
            <th scope="col" className="text-left font-medium">
              Category
            </th>
            {SEVERITIES.map((s) => (
              <th key={s} scope="col" className="w-16 text-center font-medium capitalize">
                {s}
              </th>
            ))}
            <th scope="col" className="w-16 text-center font-medium">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {categories.map((c) => (
            <tr key={c}>
              <th scope="row" className="pr-2 text-left font-normal">
                {CATEGORY_LABEL[c]}
              </th>
              {SEVERITIES.map((s) => {
                const n = count(c, s);
                return (
                  <td
                    key={s}
                    className={`tabular rounded-md py-1.5 text-center ${n ? `font-semibold ${CELL[s]}` : "text-slate-500 dark:text-slate-400"}`}
                    data-cell={`${c}:${s}`}
                  >
                    {cell(c, s, n)}
                  </td>
                );
              })}
              <td className="tabular text-center font-semibold">
                {cell(
                  c,
                  null,
                  SEVERITIES.reduce((t, s) => t + count(c, s), 0),
                )}
              </td>
            </tr>
          ))}
          <tr className="text-slate-600 dark:text-slate-300">
            <th scope="row" className="pr-2 text-left font-medium">
              All categories
            </th>
            {SEVERITIES.map((s) => (
              <td key={s} className="tabular text-center font-semibold">
                {cell(
                  null,
                  s,
                  CATEGORIES.reduce((t, c) => t + count(c, s), 0),
                )}
              </td>
            ))}
            <td className="tabular text-center font-bold" data-testid="findings-total">
              {cell(null, null, findings.total)}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
