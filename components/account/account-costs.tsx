"use client";

import { useQuery } from "@tanstack/react-query";
import Decimal from "decimal.js";
import { useState } from "react";
import { ErrorState, Skeleton } from "@/components/ui/card";
import { ZAccountCosts, type TAccountCosts } from "@/lib/api/accounts";
import { fetchJson } from "@/lib/api/fetch-json";
import { formatMoney, formatMonth } from "@/lib/format/money";
import { CostsChart } from "./costs-chart";
import { Empty, Section, thClass } from "./section";

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

function CostsTable({ costs }: { costs: TAccountCosts }) {
  const [all, setAll] = useState(false);
  const shown = all ? costs.services : costs.services.slice(0, TABLE_SERVICES);
  const hidden = costs.services.slice(shown.length);
  const other = hidden.length
    ? {
        total: sum(hidden.map((s) => s.total)),
        byMonth: costs.months.map((_, i) => sum(hidden.map((s) => s.byMonth[i] ?? "0"))),
      }
    : null;
  const cell =
    "tabular whitespace-nowrap border-b border-slate-100 px-1.5 py-1 text-right dark:border-slate-800";
  return (
    <div>
      {/* Focusable so keyboard users can scroll the months sideways. */}
      <div
        className="overflow-x-auto"
        tabIndex={0}
        role="region"
        aria-label="Spend by service and month, table"
      >
        <table className="w-full text-xs" data-testid="account-costs-table">
          <caption className="sr-only">
            Unblended spend by service (rows) and month (columns)
          </caption>
          <thead>
            <tr>
              <th
                scope="col"
                className={`${thClass} sticky left-0 bg-white text-left dark:bg-slate-900`}
              >
                Service
              </th>
              {costs.months.map((m) => (
                <th key={m.month} scope="col" className={`${thClass} whitespace-nowrap text-right`}>
                  {formatMonth(m.month)}
                  {m.estimated ? "*" : ""}
                </th>
              ))}
              <th scope="col" className={`${thClass} text-right`}>
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => (
              <tr key={s.service}>
                <th
                  scope="row"
                  className="sticky left-0 max-w-48 truncate border-b border-slate-100 bg-white px-2 py-1 text-left font-normal dark:border-slate-800 dark:bg-slate-900"
                  title={s.service}
                >
                  {s.service}
                </th>
                {s.byMonth.map((v, i) => (
                  <td key={costs.months[i]?.month ?? i} className={cell}>
                    {Number(v) === 0 ? "–" : formatMoney(v)}
                  </td>
                ))}
                <td className={`${cell} font-medium`}>{formatMoney(s.total)}</td>
              </tr>
            ))}
            {other ? (
              <tr>
                <th
                  scope="row"
                  className="sticky left-0 border-b border-slate-100 bg-white px-2 py-1 text-left font-normal italic dark:border-slate-800 dark:bg-slate-900"
                >
                  {hidden.length} other services
                </th>
                {other.byMonth.map((v, i) => (
                  <td key={costs.months[i]?.month ?? i} className={cell}>
                    {formatMoney(v)}
                  </td>
                ))}
                <td className={`${cell} font-medium`}>{formatMoney(other.total)}</td>
              </tr>
            ) : null}
          </tbody>
          <tfoot>
            <tr className="font-semibold">
              <th
                scope="row"
                className="sticky left-0 bg-white px-2 py-1.5 text-left dark:bg-slate-900"
              >
                Total
              </th>
              {costs.months.map((m) => (
                <td
                  key={m.month}
                  className="tabular whitespace-nowrap px-1.5 py-1.5 text-right"
                  data-testid={`month-total-${m.month}`}
                >
                  {formatMoney(m.total)}
                </td>
              ))}
              <td
                className="tabular whitespace-nowrap px-1.5 py-1.5 text-right"
                data-testid="costs-grand-total"
              >
                {formatMoney(costs.total)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
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
