"use client";

import { ActionError } from "@/components/ui/action-error";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { z } from "zod";
import { Card, ErrorState, Skeleton } from "@/components/ui/card";
import { fetchJson } from "@/lib/api/fetch-json";
import { ZBudgetList, type TBudgetView } from "@/lib/api/budgets";
import { formatMoney, formatMonth } from "@/lib/format/money";
import { AwsBudgetsTable } from "./aws-budgets-table";
import { BudgetForm, type ScopeOptions } from "./budget-form";
import { BurnChart } from "./burn-chart";

const STATUS = {
  over: { label: "Over budget", cls: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200" },
  "at-risk": {
    label: "Forecast over",
    cls: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  },
  "on-track": {
    label: "On track",
    cls: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  },
} as const;
const ZStatusFilter = z.enum(["all", "over", "at-risk", "on-track"]).catch("all");
const signed = (n: number) => `${n > 0 ? "+" : ""}${formatMoney(n)}`;

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="tabular font-semibold" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

function BudgetCard({ b, canEdit }: { b: TBudgetView; canEdit: boolean }) {
  const qc = useQueryClient();
  const remove = useMutation({
    mutationFn: () =>
      fetchJson(`/api/v1/budgets/${b.id}`, z.object({ deleted: z.boolean() }), {
        method: "DELETE",
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["budgets"] }),
  });
  return (
    <Card>
      <article aria-label={`Budget ${b.name}`} data-budget-id={b.id}>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="font-medium">
            {b.name}{" "}
            <span className="text-sm font-normal text-slate-600 dark:text-slate-400">
              · {b.scopeLabel} · {b.accounts} account(s)
              {b.source === "aws" ? " · from AWS Budgets" : ""}
            </span>
          </h2>
          <div className="flex items-center gap-3">
            <span
              className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS[b.status].cls}`}
            >
              {STATUS[b.status].label}
            </span>
            {canEdit ? (
              <button
                type="button"
                onClick={() => remove.mutate()}
                disabled={remove.isPending}
                className="text-sm text-red-700 underline dark:text-red-300"
                aria-label={`Delete budget ${b.name}`}
              >
                Delete
              </button>
            ) : null}
            <ActionError error={remove.error} />
          </div>
        </div>
        <dl className="my-3 grid grid-cols-2 gap-3 md:grid-cols-5">
          <Figure
            label="Monthly budget"
            value={formatMoney(b.monthlyAmount)}
            testId="budget-amount"
          />
          <Figure
            label="Actual month to date"
            value={formatMoney(b.monthToDate)}
            testId="budget-actual"
          />
          <Figure
            label="Variance vs pro-rated budget"
            value={signed(b.actualVariance)}
            testId="budget-actual-variance"
          />
          <Figure
            label={`Forecast (${b.method})`}
            value={formatMoney(b.forecast)}
            testId="budget-forecast"
          />
          <Figure
            label="Forecast vs budget"
            value={signed(b.forecastVariance)}
            testId="budget-forecast-variance"
          />
        </dl>
        <BurnChart budget={b} />
      </article>
    </Card>
  );
}

export function BudgetsPanel({ canEdit, options }: { canEdit: boolean; options: ScopeOptions }) {
  const q = useQuery({
    queryKey: ["budgets"],
    queryFn: () => fetchJson("/api/v1/budgets", ZBudgetList),
  });
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const status = ZStatusFilter.parse(params.get("status") ?? "all");
  const setStatus = (s: string) => {
    const next = new URLSearchParams(params);
    if (s === "all") next.delete("status");
    else next.set("status", s);
    router.replace(`${pathname}${next.size ? `?${next}` : ""}`, { scroll: false });
  };
  const shown = q.data?.budgets.filter((b) => status === "all" || b.status === status) ?? [];
  return (
    <div className="space-y-6">
      {canEdit ? <BudgetForm options={options} /> : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {q.data
            ? `${formatMonth(q.data.month)}: day ${q.data.daysElapsed} of ${q.data.daysInMonth} with cost data. Forecasts are computed by OrgLens from daily spend (see docs/budgets.md).`
            : "\u00a0"}
        </p>
        <label className="text-sm">
          <span className="mr-2">Show</span>
          <select
            value={status}
            onChange={(e) => setStatus(e.target.value)}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-950"
          >
            <option value="all">All budgets</option>
            <option value="over">Over budget</option>
            <option value="at-risk">Forecast over budget</option>
            <option value="on-track">On track</option>
          </select>
        </label>
      </div>
      {q.isError ? <ErrorState message={q.error.message} onRetry={() => void q.refetch()} /> : null}
      {!q.data ? (
        <Skeleton className="h-72 w-full" />
      ) : shown.length === 0 ? (
        <Card>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {q.data.budgets.length ? "No budget matches this filter." : "No budgets yet."}
          </p>
        </Card>
      ) : (
        shown.map((b) => <BudgetCard key={b.id} b={b} canEdit={canEdit} />)
      )}
      {q.data ? <AwsBudgetsTable rows={q.data.awsBudgets} /> : null}
    </div>
  );
}
