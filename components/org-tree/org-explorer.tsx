"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Decimal from "decimal.js";
import { useRouter } from "next/navigation";
import { useDeferredValue, useMemo, useState } from "react";
import { ErrorState, Skeleton, Stat } from "@/components/ui/card";
import { fetchJson } from "@/lib/api/fetch-json";
import { ZOuTree, type TOuTreeNode } from "@/lib/api/org";
import { monthOf } from "@/lib/domain/months";
import { toYearMonth } from "@/lib/domain/org/period";
import { complianceScore, formatScore } from "@/lib/domain/org/score";
import { ancestry, buildForest, searchForest, visibleRows } from "@/lib/domain/org/tree";
import { formatMoney, formatMonth } from "@/lib/format/money";
import { severityLabel } from "./cells";
import { TreeLegend } from "./legend";
import { OrgTree } from "./org-tree";
import { OuPanel } from "./ou-panel";
import { PeriodPicker } from "./period-picker";
import { ouHref, useOrgUrl } from "./use-org-url";

export function OrgExplorer({ canOpenAccounts }: { canOpenAccounts: boolean }) {
  const router = useRouter();
  const [url, setUrl] = useOrgUrl();
  const qs = new URLSearchParams({
    ...(url.from ? { from: url.from } : {}),
    ...(url.to ? { to: url.to } : {}),
  }).toString();
  const q = useQuery({
    queryKey: ["ou-tree", qs],
    queryFn: () => fetchJson(`/api/v1/ou-tree${qs ? `?${qs}` : ""}`, ZOuTree),
    placeholderData: keepPreviousData,
  });
  const data = q.data;
  const forest = useMemo(() => (data ? buildForest(data.nodes) : null), [data]);
  const policies = useMemo(() => new Map((data?.policies ?? []).map((p) => [p.id, p])), [data]);
  const policyNames = useMemo(
    () => new Map([...policies].map(([id, p]) => [id, p.name])),
    [policies],
  );

  const [search, setSearch] = useState(url.q);
  const query = useDeferredValue(search.trim());
  const found = useMemo(
    () => (forest && query ? searchForest(forest, query) : null),
    [forest, query],
  );
  const focus =
    url.ou && forest?.byId.get(url.ou)?.kind === "ou" ? (forest.byId.get(url.ou) ?? null) : null;

  // Open the top level (or the focused OU) and every search match's ancestors whenever they change;
  // the user's own expand/collapse choices are kept otherwise.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [seeded, setSeeded] = useState("");
  const seedKey = forest ? `${data?.nodes.length ?? 0}|${focus?.id ?? ""}|${query}` : "";
  if (forest && seedKey !== seeded) {
    setSeeded(seedKey);
    setExpanded(
      (prev) =>
        new Set([
          ...prev,
          ...(focus ? [focus.id] : forest.roots.map((r) => r.id)),
          ...(found?.expand ?? []),
        ]),
    );
  }

  const rows = useMemo(
    () =>
      forest
        ? visibleRows(forest, expanded, {
            rootIds: focus ? [focus.id] : undefined,
            only: found?.visible,
          })
        : [],
    [forest, expanded, focus, found],
  );
  const tops: readonly TOuTreeNode[] = focus ? [focus] : (forest?.roots ?? []);
  const summary = summarize(tops);
  const current = monthOf(new Date());
  const period = data?.period;
  const periodText = period
    ? period.from === period.to
      ? formatMonth(period.from)
      : `${formatMonth(period.from)} – ${formatMonth(period.to)}`
    : "";

  const toggle = (id: string) =>
    setExpanded((prev) => (prev.has(id) ? without(prev, id) : new Set([...prev, id])));
  const hrefFor = (node: TOuTreeNode) =>
    node.kind === "ou" ? ouHref(url, node.id) : canOpenAccounts ? `/accounts/${node.id}` : null;

  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Organization</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            OUs and accounts with their spend, open findings, compliance and guardrails
            {periodText ? `, ${periodText}` : ""}.
          </p>
        </div>
        {data ? (
          <PeriodPicker
            from={data.period.from}
            to={data.period.to}
            first={data.costMonths.first}
            current={current}
            onChange={(from, to) => setUrl({ from: toYearMonth(from), to: toYearMonth(to) })}
          />
        ) : (
          <Skeleton className="h-14 w-96" />
        )}
      </header>
      {q.isError ? (
        <ErrorState
          message={`Could not load the organization: ${q.error.message}`}
          // A bad period in a shared link is the likely cause: going back to the default recovers.
          onRetry={() => (url.from || url.to ? setUrl({ from: null, to: null }) : void q.refetch())}
        />
      ) : null}

      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label={focus ? `Accounts in ${focus.name}` : "Accounts"}
          testId="org-stat-accounts"
          value={
            data ? summary.accounts.toLocaleString("en-US") : <Skeleton className="h-8 w-16" />
          }
        />
        <Stat
          label={`Spend${periodText ? `, ${periodText}` : ""}`}
          testId="org-stat-spend"
          value={data ? formatMoney(summary.spend) : <Skeleton className="h-8 w-28" />}
          hint={
            period?.estimated ? "Includes the current month to date (estimated)" : "Unblended cost"
          }
        />
        <Stat
          label="Compliance score"
          testId="org-stat-score"
          value={
            data ? (
              formatScore(complianceScore(summary.compliant, summary.accounts))
            ) : (
              <Skeleton className="h-8 w-16" />
            )
          }
          hint="Accounts without open critical or high findings"
        />
        <Stat
          label="Open findings"
          testId="org-stat-findings"
          value={
            data ? summary.findings.toLocaleString("en-US") : <Skeleton className="h-8 w-12" />
          }
          hint={data ? severityLabel(summary.bySeverity) : null}
        />
      </div>

      {url.ou && forest && !focus ? (
        <ErrorState message="That OU does not exist or is outside the part of the organization you can see." />
      ) : null}
      {focus && forest ? (
        <OuPanel
          node={focus}
          ancestors={ancestry(forest, focus.id)
            .slice(0, -1)
            .flatMap((id) => forest.byId.get(id) ?? [])}
          policies={policies}
          hrefFor={(id) => ouHref(url, id)}
        />
      ) : null}

      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-2 text-sm">
          <span className="text-slate-600 dark:text-slate-400">Search</span>
          <input
            type="search"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setUrl({ q: e.target.value.trim() || null });
            }}
            placeholder="OU or account name or id"
            className="w-72 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900 focus:outline-none focus:ring-2 focus:ring-indigo-500"
          />
        </label>
        <p
          aria-live="polite"
          className="text-xs text-slate-600 dark:text-slate-400"
          data-testid="org-search-status"
        >
          {found
            ? `${found.matches.size.toLocaleString("en-US")} match${found.matches.size === 1 ? "" : "es"}`
            : ""}
        </p>
        {q.isFetching && data ? (
          <p className="text-xs text-slate-500 dark:text-slate-400">Updating…</p>
        ) : null}
        <div className="ml-auto flex gap-2">
          <button
            type="button"
            onClick={() => forest && setExpanded(new Set([...forest.children.keys()]))}
            className={buttonClass}
          >
            Expand all
          </button>
          <button type="button" onClick={() => setExpanded(new Set())} className={buttonClass}>
            Collapse all
          </button>
        </div>
      </div>
      <TreeLegend />

      {!data ? (
        <Skeleton className="h-[min(36rem,calc(100vh-16rem))] min-h-80 w-full" />
      ) : data.nodes.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white py-12 text-center text-sm text-slate-500 dark:border-slate-800 dark:bg-slate-900">
          No organization data yet. Run a collection to load your OUs and accounts.
        </p>
      ) : query && found?.matches.size === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white py-12 text-center text-sm text-slate-500 dark:border-slate-800 dark:bg-slate-900">
          Nothing matches “{query}”.
        </p>
      ) : (
        <OrgTree
          rows={rows}
          label={focus ? `Organization tree under ${focus.name}` : "Organization tree"}
          spendHeader={
            period && period.from === period.to ? `Spend, ${formatMonth(period.from)}` : "Spend"
          }
          matches={found?.matches ?? new Set()}
          query={query}
          policyNames={policyNames}
          hrefFor={hrefFor}
          onToggle={toggle}
          onExpand={(ids) => setExpanded((prev) => new Set([...prev, ...ids]))}
          onCollapse={(id) => setExpanded((prev) => without(prev, id))}
          onActivate={(node) => {
            const href = hrefFor(node);
            if (href) router.push(href);
          }}
        />
      )}
    </div>
  );
}

const buttonClass =
  "rounded-md border border-slate-300 px-2 py-1.5 text-xs text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800";

function without(set: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(set);
  next.delete(id);
  return next;
}

function summarize(tops: readonly TOuTreeNode[]) {
  const bySeverity = { critical: 0, high: 0, medium: 0, low: 0 };
  let accounts = 0;
  let compliant = 0;
  let spend = new Decimal(0);
  for (const n of tops) {
    accounts += n.accountCount;
    compliant += n.compliantAccounts;
    spend = spend.plus(n.spend);
    for (const k of ["critical", "high", "medium", "low"] as const) bySeverity[k] += n.findings[k];
  }
  const findings = bySeverity.critical + bySeverity.high + bySeverity.medium + bySeverity.low;
  return { accounts, compliant, spend: spend.toString(), findings, bySeverity };
}
