"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Card, ErrorState, Skeleton } from "@/components/ui/card";
import { fetchJson } from "@/lib/api/fetch-json";
import { filtersToSearch, ZFindingsList } from "@/lib/api/findings";
import type { FindingFilterOptions } from "@/lib/api/findings";
import { SavedViewsMenu } from "@/components/saved-views/saved-views-menu";
import { AssignPanel } from "./assign-panel";
import { FindingsFilters, StatusTabs } from "./findings-filters";
import { FindingsTable } from "./findings-table";
import { SeveritySummary } from "./severity-summary";
import { useFindingFilters } from "./use-finding-filters";

const PAGE = 100;

export function FindingsView({
  options,
  canExport,
  canAssign,
  canShareViews,
  me,
}: {
  options: FindingFilterOptions;
  canExport: boolean;
  canAssign: boolean;
  canShareViews: boolean;
  /** The signed-in user's email: "Assign to me". */
  me: string;
}) {
  const { filters, raw, setFilter, clear, invalid } = useFindingFilters();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const selection = {
    selected,
    toggle: (id: string) =>
      setSelected((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    setAll: (ids: string[] | null) => setSelected(new Set(ids ?? [])),
  };
  const search = filtersToSearch({ ...filters, status: filters.status }).toString();
  const q = useInfiniteQuery({
    queryKey: ["findings", search],
    queryFn: ({ pageParam }) =>
      fetchJson(
        `/api/v1/findings?${search}&limit=${PAGE}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""}`,
        ZFindingsList,
      ),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !invalid,
  });
  const first = q.data?.pages[0];
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="space-y-5">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Findings</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Governance checks that failed, most severe first. Muted findings are listed but not
            counted.
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <SavedViewsMenu page="findings" canShare={canShareViews} />
          {canExport ? (
            <a
              href={`/api/v1/findings/export?${search}`}
              download
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
            >
              Export CSV{first ? ` (${first.total.toLocaleString("en-US")})` : ""}
            </a>
          ) : null}
        </div>
      </header>

      <section aria-labelledby="open-heading">
        <h2
          id="open-heading"
          className="mb-2 text-sm font-medium text-slate-600 dark:text-slate-400"
        >
          Open findings by severity
          {raw.check || raw.category || raw.ou || raw.account || raw.mine || raw.overdue
            ? " (matching the filters)"
            : ""}
        </h2>
        <SeveritySummary
          counts={first?.openBySeverity}
          active={filters.severity}
          onSelect={(s) => setFilter("severity", s)}
        />
      </section>

      <Card>
        <div className="space-y-4">
          <FindingsFilters raw={raw} options={options} onChange={setFilter} onClear={clear} />
          <StatusTabs raw={raw} byStatus={first?.byStatus} onChange={setFilter} />
          {invalid ? <ErrorState message={`These filters are not valid: ${invalid}`} /> : null}
          {q.isError ? (
            <ErrorState
              message={`Could not load findings: ${q.error.message}`}
              onRetry={() => void q.refetch()}
            />
          ) : null}
          {q.isPending && !invalid ? (
            <div className="space-y-2" aria-busy="true" aria-label="Loading findings">
              {Array.from({ length: 6 }, (_, i) => (
                <Skeleton key={i} className="h-10 w-full" />
              ))}
            </div>
          ) : null}
          {first ? (
            <>
              <p
                className="text-sm text-slate-600 dark:text-slate-400"
                data-testid="findings-total"
                aria-live="polite"
              >
                {first.total.toLocaleString("en-US")} {first.total === 1 ? "finding" : "findings"}
                {rows.length < first.total
                  ? `, showing ${rows.length.toLocaleString("en-US")}`
                  : ""}
              </p>
              {rows.length === 0 ? (
                <p className="py-10 text-center text-sm text-slate-500 dark:text-slate-400">
                  {filters.status === "open"
                    ? "Nothing needs attention under these filters."
                    : "No findings match these filters."}
                </p>
              ) : (
                <>
                  {canAssign ? (
                    <AssignPanel
                      selected={rows.filter((r) => selected.has(r.id)).map((r) => r.id)}
                      defaultOwner={me}
                      onDone={() => setSelected(new Set())}
                    />
                  ) : null}
                  <FindingsTable rows={rows} selection={canAssign ? selection : undefined} />
                </>
              )}
              {q.hasNextPage ? (
                <button
                  type="button"
                  onClick={() => void q.fetchNextPage()}
                  disabled={q.isFetchingNextPage}
                  className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700"
                >
                  {q.isFetchingNextPage ? "Loading…" : "Show more"}
                </button>
              ) : null}
            </>
          ) : null}
        </div>
      </Card>
    </div>
  );
}
