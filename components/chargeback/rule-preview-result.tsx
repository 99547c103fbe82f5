"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/tables/data-table";
import type { TRulePreview } from "@/lib/api/chargeback";
import { formatMoneyCents, formatMonth } from "@/lib/format/money";

type Change = TRulePreview["costCenters"][number];

const money = (id: string, header: string, value: (c: Change) => string): ColumnDef<Change> => ({
  id,
  header,
  enableSorting: false,
  meta: { align: "right" },
  cell: ({ row }) => value(row.original),
});

const columns: ColumnDef<Change>[] = [
  {
    id: "costCenter",
    header: "Cost center",
    enableSorting: false,
    cell: ({ row }) => row.original.costCenter,
  },
  money("before", "Before", (c) => formatMoneyCents(c.before)),
  money("after", "After", (c) => formatMoneyCents(c.after)),
  money("change", "Change", (c) =>
    c.change.startsWith("-") ? formatMoneyCents(c.change) : `+${formatMoneyCents(c.change)}`,
  ),
];

/** The draft's effect on one month: its pool, where it goes, and every cost center whose total moves. */
export function RulePreviewResult({ preview }: { preview: TRulePreview }) {
  const changed = preview.costCenters.filter((c) => c.change !== "0.00");
  return (
    <section aria-label="Preview" className="space-y-2" data-testid="rule-preview">
      <h4 className="font-medium">
        Preview for {formatMonth(preview.month)}: the rule shares{" "}
        <span className="tabular">{formatMoneyCents(preview.pool.source)}</span>
      </h4>
      <ul className="text-sm">
        {preview.pool.targets.map((t) => (
          <li key={`${t.kind}:${t.id}`}>
            → {t.kind === "ou" ? "OU " : ""}
            {t.label}: <span className="tabular">{formatMoneyCents(t.amount)}</span>
          </li>
        ))}
      </ul>
      {changed.length ? (
        <DataTable
          caption="Cost centers whose total changes"
          data={changed}
          columns={columns}
          getRowId={(c) => c.costCenter}
        />
      ) : (
        <p className="text-sm">No cost center&apos;s total changes.</p>
      )}
      <p className="text-sm">
        Organization total before and after:{" "}
        <span className="tabular">{formatMoneyCents(preview.total.before)}</span> /{" "}
        <span className="tabular">{formatMoneyCents(preview.total.after)}</span>
        {preview.total.before === preview.total.after
          ? " — unchanged, as a split must leave it."
          : ""}
      </p>
      {preview.warnings.length ? (
        <ul className="list-disc pl-5 text-sm text-amber-800 dark:text-amber-300">
          {preview.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
