"use client";

// The overview for a wall screen in a team room (`/?display=wall`): the KPI tiles, spend trend and
// open findings in large type, with no controls. It refetches on a schedule (`&refresh=<seconds>`,
// default 60); the server answers unchanged data from its per-data-version cache, so a wall costs
// almost nothing between collection runs and shows a new run's figures within one interval. When the
// server is unreachable (a restart) it keeps the last figures on screen and says since when.
import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { SpendTrendChart } from "@/components/charts/spend-trend-chart";
import { Skeleton } from "@/components/ui/card";
import { fetchJson } from "@/lib/api/fetch-json";
import { ZKpisResponse, type TKpisResponse } from "@/lib/api/kpis";
import { ZOverview } from "@/lib/api/overview";
import { SEVERITIES } from "@/lib/domain/checks/types";
import { formatMoney, formatMonth } from "@/lib/format/money";
import { KpiTiles } from "./kpi-tiles";

const DEFAULT_REFRESH_S = 60;
const timeFmt = new Intl.DateTimeFormat("en-US", {
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Seconds between refreshes from `refresh`, clamped to 5 s – 1 h. */
export function refreshSeconds(raw: string | null): number {
  const n = Number(raw);
  return raw !== null && Number.isFinite(n)
    ? Math.min(3600, Math.max(5, Math.round(n)))
    : DEFAULT_REFRESH_S;
}

const SEVERITY_CLASS: Record<(typeof SEVERITIES)[number], string> = {
  critical: "text-red-600 dark:text-red-400",
  high: "text-orange-600 dark:text-orange-400",
  medium: "text-amber-700 dark:text-amber-300",
  low: "text-sky-700 dark:text-sky-300",
  info: "text-slate-600 dark:text-slate-300",
};

export function WallDisplay() {
  const refreshMs = refreshSeconds(useSearchParams().get("refresh")) * 1000;
  const poll = {
    refetchInterval: refreshMs,
    refetchIntervalInBackground: true,
    retry: false,
    staleTime: 0,
  } as const;
  const q = useQuery({
    queryKey: ["wall", "overview"],
    queryFn: () => fetchJson("/api/v1/overview?months=12", ZOverview),
    ...poll,
  });
  const k = useQuery({
    queryKey: ["wall", "kpis"],
    queryFn: () => fetchJson("/api/v1/kpis?months=12", ZKpisResponse),
    ...poll,
  });
  const updatedAt = Math.min(q.dataUpdatedAt || Infinity, k.dataUpdatedAt || Infinity);
  const offline = q.isError || k.isError;

  return (
    <div className="space-y-6 text-lg" data-testid="wall-display" data-refresh-ms={refreshMs}>
      <header className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-4xl font-semibold tracking-tight">
          OrgLens{k.data?.scope.kind === "ous" ? ` · ${k.data.scope.names.join(", ")}` : ""}
        </h1>
        <p
          role="status"
          className={`text-xl ${offline ? "text-red-700 dark:text-red-300" : "text-slate-600 dark:text-slate-300"}`}
          data-testid="wall-status"
        >
          {offline
            ? `Server unreachable${Number.isFinite(updatedAt) ? ` · showing data from ${timeFmt.format(updatedAt)}` : ""} · retrying every ${refreshMs / 1000} s`
            : Number.isFinite(updatedAt)
              ? `Updated ${timeFmt.format(updatedAt)}`
              : "Loading…"}
        </p>
      </header>
      <div className="grid gap-4 lg:grid-cols-4">
        <BigStat
          label="Accounts"
          testId="wall-accounts"
          value={q.data?.accounts.total.toLocaleString("en-US")}
        />
        <BigStat
          label={
            q.data ? `Spend in ${formatMonth(q.data.lastFullMonth.month)}` : "Spend last full month"
          }
          testId="wall-spend"
          value={q.data ? formatMoney(q.data.lastFullMonth.unblended) : undefined}
        />
        <BigStat
          label="Open findings"
          testId="wall-open-findings"
          value={k.data?.findings.total.toLocaleString("en-US")}
        />
        <BigStat
          label="Last collection"
          testId="wall-last-run"
          value={
            q.data
              ? q.data.lastRun?.finishedAt
                ? new Date(q.data.lastRun.finishedAt).toLocaleString("en-US", {
                    dateStyle: "medium",
                    timeStyle: "short",
                  })
                : "never"
              : undefined
          }
        />
      </div>
      <section aria-labelledby="wall-kpis">
        <h2 id="wall-kpis" className="mb-3 text-2xl font-medium">
          Playbook KPIs
        </h2>
        {k.data ? (
          <KpiTiles series={k.data.series} size="wall" />
        ) : (
          <Skeleton className="h-64 w-full" />
        )}
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        <section
          aria-labelledby="wall-findings"
          className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
        >
          <h2 id="wall-findings" className="mb-3 text-2xl font-medium">
            Open findings by severity
          </h2>
          {k.data ? (
            <SeverityCounts findings={k.data.findings} />
          ) : (
            <Skeleton className="h-32 w-full" />
          )}
        </section>
        <section
          aria-labelledby="wall-spend-trend"
          className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
        >
          <h2 id="wall-spend-trend" className="mb-3 text-2xl font-medium">
            Monthly spend
          </h2>
          {q.data ? <SpendTrendChart data={q.data.trend} /> : <Skeleton className="h-72 w-full" />}
        </section>
      </div>
    </div>
  );
}

function BigStat({
  label,
  value,
  testId,
}: {
  label: string;
  value: string | undefined;
  testId: string;
}) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
      <p className="text-xl text-slate-600 dark:text-slate-300">{label}</p>
      <p className="tabular mt-1 text-5xl font-semibold" data-testid={testId}>
        {value ?? <Skeleton className="h-12 w-32" />}
      </p>
    </div>
  );
}

function SeverityCounts({ findings }: { findings: TKpisResponse["findings"] }) {
  const bySeverity = SEVERITIES.map((s) => ({
    s,
    n: findings.cells.filter((c) => c.severity === s).reduce((sum, c) => sum + c.count, 0),
  }));
  return (
    <dl className="grid grid-cols-5 gap-3 text-center">
      {bySeverity.map(({ s, n }) => (
        <div key={s}>
          <dt className="text-lg capitalize text-slate-600 dark:text-slate-300">{s}</dt>
          <dd
            className={`tabular text-5xl font-semibold ${n ? SEVERITY_CLASS[s] : "text-slate-400 dark:text-slate-500"}`}
            data-testid={`wall-severity-${s}`}
          >
            {n.toLocaleString("en-US")}
          </dd>
        </div>
      ))}
    </dl>
  );
}
