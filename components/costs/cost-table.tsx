"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import { DataTable } from "@/components/tables/data-table";
import type { TCostGroup, TCostReport } from "@/lib/api/costs";
import { groupByNoun, groupByTitle, type TGroupBy } from "@/lib/domain/showback/group-by";
import { formatMoney } from "@/lib/format/money";
import { periodLabel } from "./period-label";
import type { TViewPatch } from "./use-cost-view";

interface Props {
  report: TCostReport;
  groupBy: TGroupBy;
  /** URL of the view one level down from a group (OU → its accounts, account → its services). */
  drillHref: (patch: TViewPatch) => string;
}

function money(value: string) {
  // Zeros step back so the spend stands out in wide grids.
  const zero = Number(value) === 0;
  return (
    <span
      title={formatMoney(value, { cents: true })}
      className={zero ? "text-slate-500 dark:text-slate-400" : undefined}
    >
      {formatMoney(value)}
    </span>
  );
}

function drillPatch(report: TCostReport, groupBy: TGroupBy, g: TCostGroup): TViewPatch | null {
  if ((groupBy.kind === "ou" || groupBy.kind === "ou-today") && g.key)
    return { ou: g.key, ouAt: groupBy.kind === "ou" ? "month" : "today", groupBy: "account" };
  // With a charge-type or region filter on, an account's detail stays in that dimension.
  if (groupBy.kind === "account" && !report.query.account)
    return {
      account: g.key,
      groupBy: report.query.chargeType ? "charge-type" : report.query.region ? "region" : "service",
    };
  if (groupBy.kind === "charge-type") return { chargeType: g.key, groupBy: "account" };
  if (groupBy.kind === "region") return { region: g.key, groupBy: "account" };
  return null;
}

export function CostTable({ report, groupBy, drillHref }: Props) {
  const granularity = report.query.granularity;
  const columns = useMemo<ColumnDef<TCostGroup>[]>(() => {
    const title = groupByTitle(groupBy);
    const label: ColumnDef<TCostGroup> = {
      id: "group",
      header: title,
      accessorFn: (g) => g.label.toLowerCase(),
      sortingFn: "alphanumeric",
      meta: { sticky: true },
      cell: ({ row }) => {
        const g = row.original;
        const patch = drillPatch(report, groupBy, g);
        const name = (
          <span className={g.key === "" ? "italic text-slate-500 dark:text-slate-400" : ""}>
            {g.label}
          </span>
        );
        return (
          <div className="max-w-[22rem] truncate" title={g.label}>
            {patch ? (
              <Link
                href={drillHref(patch)}
                scroll={false}
                className="text-indigo-700 hover:underline dark:text-indigo-300"
                aria-label={`${g.label}: show its ${groupBy.kind === "account" ? "services" : "accounts"}`}
              >
                {name}
              </Link>
            ) : (
              name
            )}
            {groupBy.kind === "account" ? (
              <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">{g.key}</span>
            ) : null}
          </div>
        );
      },
      footer: () => "Total",
    };
    const periods: ColumnDef<TCostGroup>[] = report.periods.map((p, i) => ({
      id: p.key,
      header: () => (
        <span title={p.estimated ? "Month to date: estimated until the bill is final" : undefined}>
          {periodLabel(p.key, granularity)}
          {p.estimated ? <span className="text-amber-600 dark:text-amber-400">*</span> : null}
        </span>
      ),
      accessorFn: (g) => Number(g.values[i] ?? 0),
      sortingFn: "basic",
      sortDescFirst: true,
      meta: {
        align: "right",
        headerClassName: p.estimated ? "bg-amber-50 dark:bg-amber-950/40" : undefined,
      },
      cell: ({ row }) => money(row.original.values[i] ?? "0"),
      footer: () => money(report.totals.values[i] ?? "0"),
    }));
    const total: ColumnDef<TCostGroup> = {
      id: "total",
      header: "Total",
      accessorFn: (g) => Number(g.total),
      sortingFn: "basic",
      sortDescFirst: true,
      meta: { align: "right", sticky: "right" },
      cell: ({ row }) => <span className="font-medium">{money(row.original.total)}</span>,
      footer: () => <span data-testid="cost-grand-total">{formatMoney(report.totals.total)}</span>,
    };
    return [label, ...periods, total];
  }, [report, groupBy, granularity, drillHref]);

  return (
    <DataTable
      key={`${report.query.groupBy}|${report.periods.length}`}
      testId="cost-table"
      caption={`Spend by ${groupByNoun(groupBy)}`}
      data={report.groups}
      columns={columns}
      getRowId={(g) => g.key || "__blank__"}
      initialSorting={[{ id: "total", desc: true }]}
      pageSize={50}
      emptyMessage="No spend in this period."
    />
  );
}
