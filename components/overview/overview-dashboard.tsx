"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { SpendTrendChart } from "@/components/charts/spend-trend-chart";
import { Card, ErrorState, Skeleton, Stat } from "@/components/ui/card";
import { fetchJson } from "@/lib/api/fetch-json";
import { ZKpisResponse, ZPeriodQuery } from "@/lib/api/kpis";
import { ZOverview } from "@/lib/api/overview";
import { formatMoney, formatMonth } from "@/lib/format/money";
import { CostMovers } from "./cost-movers";
import { FindingsMatrix } from "./findings-matrix";
import { KpiTiles } from "./kpi-tiles";
import { OverdueCard } from "./overdue-card";
import { PinnedViews } from "./pinned-views";
import { AnomaliesCard } from "./anomalies-card";
import { SecurityHubCard } from "./security-hub-card";
import { PeriodSelect } from "./period-select";

export function OverviewDashboard({ canOpenFindings }: { canOpenFindings: boolean }) {
  const params = useSearchParams();
  const months =
    ZPeriodQuery.safeParse({ months: params.get("months") ?? undefined }).data?.months ?? 12;
  const q = useQuery({
    queryKey: ["overview", months],
    queryFn: () => fetchJson(`/api/v1/overview?months=${months}`, ZOverview),
    placeholderData: keepPreviousData,
  });
  const k = useQuery({
    queryKey: ["kpis", months],
    queryFn: () => fetchJson(`/api/v1/kpis?months=${months}`, ZKpisResponse),
    placeholderData: keepPreviousData,
  });
  const scopeNote =
    k.data?.scope.kind === "ous"
      ? `Your scope: ${k.data.scope.names.join(", ")}`
      : "Whole organization";

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Your AWS organization at a glance{k.data ? ` · ${scopeNote}` : ""}.
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <PeriodSelect months={months} />
          <Link
            href="/?display=wall"
            className="text-sm text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
          >
            Wall screen
          </Link>
        </div>
      </header>
      {q.isError ? (
        <ErrorState
          message={`Could not load the overview: ${q.error.message}`}
          onRetry={() => void q.refetch()}
        />
      ) : null}
      {k.isError ? (
        <ErrorState
          message={`Could not load the KPIs: ${k.error.message}`}
          onRetry={() => void k.refetch()}
        />
      ) : null}
      <PinnedViews />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label="Accounts in the organization"
          testId="stat-accounts"
          value={
            q.data ? (
              q.data.accounts.total.toLocaleString("en-US")
            ) : (
              <Skeleton className="h-8 w-20" />
            )
          }
          hint={q.data ? `${q.data.accounts.active.toLocaleString("en-US")} active` : null}
        />
        <Stat
          label={
            q.data ? `Spend in ${formatMonth(q.data.lastFullMonth.month)}` : "Spend last full month"
          }
          testId="stat-last-month-spend"
          value={
            q.data ? formatMoney(q.data.lastFullMonth.unblended) : <Skeleton className="h-8 w-28" />
          }
          hint="Unblended cost, all accounts"
        />
        <Stat
          label="Open findings"
          testId="stat-open-findings"
          value={
            k.data ? (
              k.data.findings.total.toLocaleString("en-US")
            ) : (
              <Skeleton className="h-8 w-16" />
            )
          }
          hint={k.data ? criticalHint(k.data.findings.cells) : null}
        />
        <Stat
          label="Last collection"
          value={
            q.data ? (
              q.data.lastRun ? (
                q.data.lastRun.status
              ) : (
                "never"
              )
            ) : (
              <Skeleton className="h-8 w-24" />
            )
          }
          hint={
            q.data?.lastRun
              ? `${q.data.lastRun.source} source${q.data.lastRun.finishedAt ? `, ${new Date(q.data.lastRun.finishedAt).toLocaleString("en-US")}` : ""}`
              : null
          }
        />
      </div>
      <Card
        title={`Playbook KPIs, last ${months} months (one dot per collection run; green is better, red is worse)`}
      >
        {k.data ? <KpiTiles series={k.data.series} /> : <Skeleton className="h-64 w-full" />}
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Open findings by category and severity">
          {k.data ? (
            <FindingsMatrix findings={k.data.findings} linkable={canOpenFindings} />
          ) : (
            <Skeleton className="h-48 w-full" />
          )}
        </Card>
        <Card title="Top cost movers">
          {q.data ? <CostMovers movers={q.data.movers} /> : <Skeleton className="h-48 w-full" />}
        </Card>
        <SecurityHubCard hub={q.data?.securityHub} accountsTotal={q.data?.accounts.total} />
        <OverdueCard rows={q.data?.overdueByOu} linkable={canOpenFindings} />
        <AnomaliesCard open={q.data?.openAnomalies} linkable={canOpenFindings} />
      </div>
      <Card title={`Monthly spend, last ${months} months and month to date`}>
        {q.data ? (
          q.data.trend.every((t) => Number(t.unblended) === 0) ? (
            <p className="py-12 text-center text-sm text-slate-500">
              No cost data yet. Run a collection to load spend.
            </p>
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

function criticalHint(cells: { severity: string; count: number }[]): string {
  const urgent = cells
    .filter((c) => c.severity === "critical" || c.severity === "high")
    .reduce((s, c) => s + c.count, 0);
  return urgent ? `${urgent.toLocaleString("en-US")} critical or high` : "none critical or high";
}
