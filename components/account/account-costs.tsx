"use client";

import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Decimal from "decimal.js";
import { useState } from "react";
import { DataTable } from "@/components/tables/data-table";
import { ErrorState, Skeleton } from "@/components/ui/card";
import { ZAccountCosts, type TAccountCosts } from "@/lib/api/accounts";
import { fetchJson } from "@/lib/api/fetch-json";
import { formatMoney, formatMonth } from "@/lib/format/money";
import { CostsChart } from "./costs-chart";
import { Empty, Section } from "./section";

const TABLE_SERVICES = 12;

export function AccountCosts({ accountId }: { accountId: string }) {
  const q = useQuery({
    queryKey: ["account-costs", accountId],
    queryFn: () => fetchJson(`/api/v1/accounts/${accountId}/costs`, ZAccountCosts),
  });
  const costs = q.data;
  return (
    <Section
      id="costs-title"
      title="Spend by service and month"
      note="Unblended cost; * the current month to date (estimated)"
    >
      {q.isError ? (
        <ErrorState
          message={`Could not load the spend: ${q.error.message}`}
          onRetry={() => void q.refetch()}
        />
      ) : null}
      {!costs ? (
        <Skeleton className="h-80 w-full" />
      ) : costs.services.length === 0 ? (
        <Empty>No spend recorded for this account in the last {costs.months.length} months.</Empty>
      ) : (
        <div className="space-y-4">
          <CostsChart costs={costs} />
          <CostsTable costs={costs} />
        </div>
      )}
    </Section>
  );
}

type Line = { service: string; byMonth: readonly string[]; total: string; other?: boolean };

function columnsFor(costs: TAccountCosts): ColumnDef<Line>[] {
  return [
    {
      id: "service",
      header: "Service",
      footer: "Total",
      meta: { cellClassName: "max-w-48 truncate" },
      cell: ({ row: { original: s } }) =>
        s.other ? <em>{s.service}</em> : <span title={s.service}>{s.service}</span>,
    },
    ...costs.months.map((m, i): ColumnDef<Line> => ({
      id: m.month,
      header: `${formatMonth(m.month)}${m.estimated ? "*" : ""}`,
      meta: { align: "right" },
      cell: ({ row: { original: s } }) => {
        const v = s.byMonth[i] ?? "0";
        return !s.other && Number(v) === 0 ? "–" : formatMoney(v);
      },
      footer: () => <span data-testid={`month-total-${m.month}`}>{formatMoney(m.total)}</span>,
    })),
    {
      id: "total",
      header: "Total",
      meta: { align: "right", cellClassName: "whitespace-nowrap font-medium" },
      cell: ({ row: { original: s } }) => formatMoney(s.total),
      footer: () => <span data-testid="costs-grand-total">{formatMoney(costs.total)}</span>,
    },
  ];
}

function CostsTable({ costs }: { costs: TAccountCosts }) {
  const [all, setAll] = useState(false);
  const shown = all ? costs.services : costs.services.slice(0, TABLE_SERVICES);
  const hidden = costs.services.slice(shown.length);
  const lines: Line[] = hidden.length
    ? [
        ...shown,
        {
          service: `${hidden.length} other services`,
          total: sum(hidden.map((s) => s.total)),
          byMonth: costs.months.map((_, i) => sum(hidden.map((s) => s.byMonth[i] ?? "0"))),
          other: true,
        },
      ]
    : shown;
  return (
    <div>
      <DataTable
        data={lines}
        columns={columnsFor(costs)}
        caption="Unblended spend by service (rows) and month (columns)"
        getRowId={(s) => (s.other ? "other" : s.service)}
        rowIdAttribute="data-service"
        size="xs"
        testId="account-costs-table"
      />
      {costs.services.length > TABLE_SERVICES ? (
        <button
          type="button"
          onClick={() => setAll(!all)}
          className="mt-2 text-xs font-medium text-indigo-700 underline dark:text-indigo-300"
        >
          {all
            ? `Show the top ${TABLE_SERVICES} services`
            : `Show all ${costs.services.length} services`}
        </button>
      ) : null}
    </div>
  );
}

function sum(values: readonly string[]): string {
  return values.reduce((acc, v) => acc.plus(v), new Decimal(0)).toString();
}
