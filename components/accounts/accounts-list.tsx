"use client";

import { useQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef, useState } from "react";
import { ErrorState, Skeleton } from "@/components/ui/card";
import { AUDIT_STATUSES, ZAccountInventory, type TAccountInventoryQuery } from "@/lib/api/accounts";
import { fetchJson } from "@/lib/api/fetch-json";
import { selectInventory } from "@/lib/domain/accounts/select-inventory";
import { formatMoney, formatMonth } from "@/lib/format/money";
import { AccountRow, COLUMNS } from "./account-row";

const ROW_PX = 44;
const field =
  "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950";

export function AccountsList({ canExport }: { canExport: boolean }) {
  const q = useQuery({
    queryKey: ["account-inventory"],
    queryFn: () => fetchJson("/api/v1/accounts/inventory", ZAccountInventory),
  });
  const [query, setQuery] = useState<TAccountInventoryQuery>({
    search: "",
    environment: "",
    audit: "",
    sort: "name",
    dir: "asc",
  });
  const all = q.data?.accounts;
  const rows = useMemo(() => (all ? selectInventory(all, query) : []), [all, query]);
  const environments = useMemo(
    () =>
      [...new Set((all ?? []).flatMap((a) => (a.environment ? [a.environment] : [])))].toSorted(),
    [all],
  );
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer hands out fresh measurements each render by design; the React Compiler cannot memoize it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_PX,
    overscan: 12,
  });
  const items = virtual.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtual.getTotalSize() - (items.at(-1)?.end ?? 0);
  const set = (patch: Partial<TAccountInventoryQuery>) =>
    setQuery((prev) => ({ ...prev, ...patch }));
  const sortBy = (sort: TAccountInventoryQuery["sort"]) =>
    set({ sort, dir: query.sort === sort && query.dir === "asc" ? "desc" : "asc" });
  const csv = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== ""));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="mb-1 block font-medium">Search</span>
          <input
            type="search"
            value={query.search}
            onChange={(e) => set({ search: e.target.value })}
            placeholder="Name, id, OU, owner, cost center"
            className={`${field} w-72`}
          />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Environment</span>
          <select
            value={query.environment}
            onChange={(e) => set({ environment: e.target.value })}
            className={field}
          >
            <option value="">All</option>
            {environments.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
            <option value="(none)">Not tagged</option>
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Audit</span>
          <select
            value={query.audit}
            onChange={(e) => set({ audit: AUDIT_STATUSES.find((s) => s === e.target.value) ?? "" })}
            className={field}
          >
            <option value="">All</option>
            {AUDIT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <p
          className="ml-auto text-sm text-slate-600 dark:text-slate-400"
          role="status"
          data-testid="accounts-count"
        >
          {all
            ? `${rows.length.toLocaleString("en-US")} of ${all.length.toLocaleString("en-US")} accounts`
            : "\u00a0"}
        </p>
        {canExport ? (
          <a
            href={`/api/v1/accounts/inventory/export?${csv}`}
            download
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
          >
            Download CSV
          </a>
        ) : null}
      </div>
      {q.isError ? (
        <ErrorState
          message={`Could not load the accounts: ${q.error.message}`}
          onRetry={() => void q.refetch()}
        />
      ) : null}
      {!q.data ? (
        <Skeleton className="h-96 w-full" />
      ) : (
        // Hand-built, not DataTable: DataTable renders every row and cannot virtualize 5,000 of them.
        // Only the rows in view are in the page (5,000 accounts stay fast); the box scrolls, Tab reaches it.
        <div
          ref={scroller}
          className="max-h-[70vh] overflow-auto rounded-xl border border-slate-200 dark:border-slate-800"
          tabIndex={0}
          role="region"
          aria-label="Accounts table"
        >
          <table
            className="w-full min-w-[72rem] text-left text-sm"
            aria-label="Accounts"
            aria-rowcount={rows.length + 1}
          >
            <thead className="sticky top-0 z-10 bg-slate-50 text-xs uppercase text-slate-600 dark:bg-slate-900 dark:text-slate-400">
              <tr aria-rowindex={1}>
                {COLUMNS.map((c) => (
                  <th
                    key={c.sort}
                    scope="col"
                    className={`whitespace-nowrap px-3 py-2 font-medium ${c.right ? "text-right" : ""}`}
                    aria-sort={
                      query.sort === c.sort
                        ? query.dir === "asc"
                          ? "ascending"
                          : "descending"
                        : undefined
                    }
                  >
                    <button
                      type="button"
                      onClick={() => sortBy(c.sort)}
                      className="uppercase hover:text-slate-900 dark:hover:text-slate-100"
                    >
                      {c.sort === "spend" ? `Spend ${formatMonth(q.data.month)}` : c.label}
                      <span aria-hidden>
                        {query.sort === c.sort ? (query.dir === "asc" ? " ▲" : " ▼") : ""}
                      </span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {before > 0 ? <tr aria-hidden style={{ height: before }} /> : null}
              {items.map((item) => {
                const row = rows[item.index];
                return row ? (
                  <AccountRow key={row.id} row={row} index={item.index + 2} height={ROW_PX} />
                ) : null;
              })}
              {after > 0 ? <tr aria-hidden style={{ height: after }} /> : null}
            </tbody>
          </table>
          {rows.length === 0 ? (
            <p className="p-4 text-sm text-slate-600 dark:text-slate-400">No account matches.</p>
          ) : null}
        </div>
      )}
      {q.data ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Spend: unblended, {formatMonth(q.data.month)}; change against{" "}
          {formatMonth(q.data.previousMonth)}. Findings: open and not muted. Total{" "}
          {formatMoney(rows.reduce((s, r) => s + Number(r.spend), 0))}.
        </p>
      ) : null}
    </div>
  );
}
