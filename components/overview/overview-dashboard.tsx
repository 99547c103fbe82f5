"use client";

import { useQuery } from "@tanstack/react-query";
import { SpendTrendChart } from "@/components/charts/spend-trend-chart";
import { Card, ErrorState, Skeleton, Stat } from "@/components/ui/card";
import { fetchJson } from "@/lib/api/fetch-json";
import { ZOverview } from "@/lib/api/overview";
import { formatMoney, formatMonth } from "@/lib/format/money";

export function OverviewDashboard() {
  const q = useQuery({ queryKey: ["overview"], queryFn: () => fetchJson("/api/v1/overview", ZOverview) });

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">Your AWS organization at a glance.</p>
      </header>
      {q.isError ? <ErrorState message={`Could not load the overview: ${q.error.message}`} onRetry={() => void q.refetch()} /> : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Stat
          label="Accounts in the organization"
          testId="stat-accounts"
          value={q.data ? q.data.accounts.total.toLocaleString("en-US") : <Skeleton className="h-8 w-20" />}
          hint={q.data ? `${q.data.accounts.active.toLocaleString("en-US")} active` : null}
        />
        <Stat
          label={q.data ? `Spend in ${formatMonth(q.data.lastFullMonth.month)}` : "Spend last full month"}
          testId="stat-last-month-spend"
          value={q.data ? formatMoney(q.data.lastFullMonth.unblended) : <Skeleton className="h-8 w-28" />}
          hint="Unblended cost, all accounts"
        />
        <Stat
          label="Last collection"
          value={q.data ? (q.data.lastRun ? q.data.lastRun.status : "never") : <Skeleton className="h-8 w-24" />}
          hint={q.data?.lastRun ? `${q.data.lastRun.source} source${q.data.lastRun.finishedAt ? `, ${new Date(q.data.lastRun.finishedAt).toLocaleString("en-US")}` : ""}` : null}
        />
      </div>
      <Card title="Monthly spend, last 12 months and month to date">
        {q.data ? (
          q.data.trend.every((t) => Number(t.unblended) === 0) ? (
            <p className="py-12 text-center text-sm text-slate-500">No cost data yet. Run a collection to load spend.</p>
          ) : (
            <SpendTrendChart data={q.data.trend} />
          )
        ) : (
          <Skeleton className="h-72 w-full" />
        )}
      </Card>
    </div>
  );
}
