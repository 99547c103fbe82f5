"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Card, ErrorState, Skeleton, Stat } from "@/components/ui/card";
import { fetchJson } from "@/lib/api/fetch-json";
import {
  COST_GROUPS_PAGE,
  costSearchParams,
  joinCostPages,
  nextCostOffset,
  ZCostReport,
  ZTagKeys,
  type TMetric,
} from "@/lib/api/costs";
import { groupByNoun, parseGroupBy } from "@/lib/domain/showback/group-by";
import { monthToYearMonth } from "@/lib/domain/showback/period";
import { formatMoney, formatMonth } from "@/lib/format/money";
import { CostChart } from "./cost-chart";
import { CostControls } from "./cost-controls";
import { CostTable } from "./cost-table";
import { periodLabel } from "./period-label";
import { TOP_CHOICES, useCostView } from "./use-cost-view";
import { SavedViewsMenu } from "@/components/saved-views/saved-views-menu";

const METRIC_LABEL: Record<TMetric, string> = {
  unblended: "Unblended",
  amortized: "Amortized",
  net: "Net",
};
const CHIP =
  "inline-flex items-center gap-1 rounded-full border border-indigo-200 bg-indigo-50 py-0.5 pl-2.5 pr-1 text-xs text-indigo-800 dark:border-indigo-800 dark:bg-indigo-950 dark:text-indigo-200";

/** The API URL of one page of the view's groups, largest first. */
function pageUrl(apiSearch: string, offset: number): string {
  const params = new URLSearchParams(apiSearch);
  params.set("limit", String(COST_GROUPS_PAGE));
  if (offset > 0) params.set("offset", String(offset));
  return `/api/v1/costs?${params.toString()}`;
}

export function CostShowback({
  canExport,
  canShareViews,
}: {
  canExport: boolean;
  canShareViews: boolean;
}) {
  const view = useCostView();
  const { query } = view;
  const groupBy = parseGroupBy(query.groupBy) ?? { kind: "ou" as const };
  // Thousands of accounts: the largest groups first, a page at a time ("Show more" loads the next).
  const report = useInfiniteQuery({
    queryKey: ["costs", view.apiSearch],
    queryFn: ({ pageParam }) => fetchJson(pageUrl(view.apiSearch, pageParam), ZCostReport),
    initialPageParam: 0,
    getNextPageParam: nextCostOffset,
    placeholderData: keepPreviousData,
  });
  const tagKeys = useQuery({
    queryKey: ["cost-tag-keys"],
    queryFn: () => fetchJson("/api/v1/costs/tag-keys", ZTagKeys),
  });
  const data = useMemo(() => joinCostPages(report.data?.pages ?? []), [report.data]);
  const metric = METRIC_LABEL[query.metric];
  const shown = data?.periods ?? [];
  // Days: the ones collected, which may be fewer than the months asked for.
  const period = !data
    ? null
    : data.query.granularity === "daily"
      ? shown.length
        ? `${periodLabel(shown[0]?.key ?? "", "daily")} – ${periodLabel(shown.at(-1)?.key ?? "", "daily")}`
        : "no days collected"
      : `${formatMonth(data.query.from)} – ${formatMonth(data.query.to)}`;
  // The resolved window (defaults filled in), so the file covers exactly the months on screen.
  const exportQuery = data
    ? {
        ...data.query,
        from: monthToYearMonth(data.query.from),
        to: monthToYearMonth(data.query.to),
      }
    : {};
  const exportHref = `/api/v1/costs/export?${costSearchParams(exportQuery).toString()}`;
  const estimatedShown = data?.periods.some((p) => p.estimated) ?? false;

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Cost showback</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Spend by account, OU, service, cost center, charge type, region or tag. Every choice is
            in the URL: share it as a link.
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <SavedViewsMenu page="costs" canShare={canShareViews} />
          {canExport ? (
            <a
              href={exportHref}
              download
              className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
              aria-disabled={!data}
            >
              Download CSV
            </a>
          ) : null}
        </div>
      </header>

      <CostControls
        query={query}
        window={data?.query ?? null}
        tagKeys={tagKeys.data?.tagKeys ?? []}
        onChange={view.update}
      />

      {data?.filters.ou || data?.filters.account || data?.query.chargeType || data?.query.region ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-600 dark:text-slate-400">Filtered to</span>
          {data.filters.ou ? (
            <span className={CHIP}>
              OU {data.filters.ou.label} (
              {data.query.ouAt === "month" ? "as of the charge month" : "as of today"})
              <button
                type="button"
                className="rounded-full px-1.5 hover:bg-indigo-100 dark:hover:bg-indigo-900"
                aria-label="Remove the OU filter"
                onClick={() => view.update({ ou: undefined, ouAt: undefined })}
              >
                ×
              </button>
            </span>
          ) : null}
          {data.filters.account ? (
            <span className={CHIP}>
              Account {data.filters.account.label} ({data.filters.account.id})
              <button
                type="button"
                className="rounded-full px-1.5 hover:bg-indigo-100 dark:hover:bg-indigo-900"
                aria-label="Remove the account filter"
                onClick={() => view.update({ account: undefined })}
              >
                ×
              </button>
            </span>
          ) : null}
          {data.query.chargeType ? (
            <span className={CHIP}>
              Charge type {data.query.chargeType}
              <button
                type="button"
                className="rounded-full px-1.5 hover:bg-indigo-100 dark:hover:bg-indigo-900"
                aria-label="Remove the charge type filter"
                onClick={() => view.update({ chargeType: undefined })}
              >
                ×
              </button>
            </span>
          ) : null}
          {data.query.region ? (
            <span className={CHIP}>
              Region {data.query.region}
              <button
                type="button"
                className="rounded-full px-1.5 hover:bg-indigo-100 dark:hover:bg-indigo-900"
                aria-label="Remove the region filter"
                onClick={() => view.update({ region: undefined })}
              >
                ×
              </button>
            </span>
          ) : null}
        </div>
      ) : null}

      {view.invalid ? (
        <ErrorState
          message={`Some choices in the address are not valid and were ignored (${view.invalid}).`}
        />
      ) : null}
      {report.isError ? (
        <ErrorState
          message={`Could not load spend: ${report.error.message}`}
          onRetry={() => void report.refetch()}
        />
      ) : null}

      <div className="grid gap-4 sm:grid-cols-3">
        <Stat
          label={`${metric} spend${period ? `, ${period}` : ""}`}
          testId="cost-stat-total"
          value={data ? formatMoney(data.totals.total) : <Skeleton className="h-8 w-32" />}
          hint={estimatedShown ? "Includes the current month to date" : null}
        />
        <Stat
          label="Groups"
          hint={`By ${groupByNoun(groupBy)}`}
          value={
            data ? data.page.groupCount.toLocaleString("en-US") : <Skeleton className="h-8 w-16" />
          }
        />
        {groupBy.kind === "tag" ? (
          <Stat
            label={`Untagged share (${groupBy.tagKey})`}
            testId="cost-stat-untagged"
            value={
              data ? (
                data.untaggedShare ? (
                  `${(Number(data.untaggedShare) * 100).toFixed(1)}%`
                ) : (
                  "–"
                )
              ) : (
                <Skeleton className="h-8 w-16" />
              )
            }
            hint="Spend without this tag"
          />
        ) : (
          <Stat
            label="Largest group"
            value={
              data ? (
                <span className="block truncate text-lg leading-8" title={data.groups[0]?.label}>
                  {data.groups[0]?.label ?? "–"}
                </span>
              ) : (
                <Skeleton className="h-8 w-40" />
              )
            }
            hint={data?.groups[0] ? formatMoney(data.groups[0].total) : null}
          />
        )}
      </div>

      <Card>
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-sm font-medium text-slate-600 dark:text-slate-400">
            {metric} spend per {query.granularity === "monthly" ? "month" : "day"}, top groups
          </h2>
          <label className="text-xs text-slate-600 dark:text-slate-400">
            Show top{" "}
            <select
              className="rounded-md border border-slate-300 bg-white px-1.5 py-0.5 text-xs dark:border-slate-700 dark:bg-slate-900"
              value={view.top}
              onChange={(e) => view.update({ top: e.target.value })}
            >
              {TOP_CHOICES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        </div>
        {data ? (
          data.groups.length ? (
            <CostChart
              periods={data.periods}
              groups={data.groups}
              top={view.top}
              all={{ values: data.totals.values, count: data.page.groupCount }}
              granularity={data.query.granularity}
              metricLabel={metric}
            />
          ) : (
            <p className="flex h-80 items-center justify-center text-sm text-slate-500 dark:text-slate-400">
              No spend in this period. Pick other months or run a collection.
            </p>
          )
        ) : (
          <Skeleton className="h-80 w-full" />
        )}
      </Card>

      <Card>
        <h2 className="mb-3 text-sm font-medium text-slate-600 dark:text-slate-400">
          {metric} spend by {groupByNoun(groupBy)}
        </h2>
        <div
          className={
            report.isFetching && report.isPlaceholderData ? "opacity-60 transition-opacity" : ""
          }
          aria-busy={report.isFetching}
        >
          {data ? (
            <CostTable
              report={data}
              groupBy={parseGroupBy(data.query.groupBy) ?? groupBy}
              drillHref={view.hrefFor}
            />
          ) : (
            <Skeleton className="h-96 w-full" />
          )}
        </div>
        {data && data.page.groupCount > data.groups.length ? (
          <div className="mt-3 flex flex-wrap items-center gap-3 text-sm text-slate-600 dark:text-slate-400">
            <span data-testid="cost-groups-shown">
              The {data.groups.length.toLocaleString("en-US")} largest of{" "}
              {data.page.groupCount.toLocaleString("en-US")} groups are loaded; the totals cover
              them all.
            </span>
            <button
              type="button"
              className="rounded-md border border-slate-300 px-3 py-1 font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
              onClick={() => void report.fetchNextPage()}
              disabled={report.isFetchingNextPage}
            >
              {report.isFetchingNextPage ? "Loading…" : `Show ${COST_GROUPS_PAGE} more`}
            </button>
          </div>
        ) : null}
        {estimatedShown ? (
          <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
            <span className="text-amber-600 dark:text-amber-400">*</span> Month to date: estimated
            until the bill is final.
          </p>
        ) : null}
      </Card>
    </div>
  );
}
