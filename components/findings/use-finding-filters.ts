"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";
import { filtersToSearch, ZFindingFilters, type TFindingFilters } from "@/lib/api/findings";

const KEYS = [
  "check",
  "category",
  "severity",
  "ou",
  "account",
  "status",
  "mine",
  "overdue",
] as const;
export type TFilterKey = (typeof KEYS)[number];

/** The filters live in the URL, so a view can be shared and survives a reload. */
export function useFindingFilters() {
  const params = useSearchParams();
  const pathname = usePathname();
  // useSearchParams catches up with replaceState only in a later transition; until then React would put a
  // controlled checkbox or select back to its old value. The query string is kept here too, set at once
  // on every change, and taken from the URL again whenever that moves on its own (back/forward, a link).
  const fromUrl = params.toString();
  const [seen, setSeen] = useState(fromUrl);
  const [query, setQuery] = useState(fromUrl);
  if (seen !== fromUrl) {
    setSeen(fromUrl);
    setQuery(fromUrl);
  }
  const live = new URLSearchParams(query);

  const raw: Partial<Record<TFilterKey, string>> = Object.fromEntries(
    KEYS.map((k) => [k, live.get(k) ?? undefined]),
  );
  const parsed = ZFindingFilters.safeParse(raw);
  const filters: TFindingFilters = parsed.success ? parsed.data : { status: "open" };

  // The native history API syncs useSearchParams without a server round trip: filtering is client-side only.
  const go = (qs: string) => {
    setQuery(qs);
    window.history.replaceState(null, "", qs ? `${pathname}?${qs}` : pathname);
  };
  // Built from the address bar, not from `raw`: useSearchParams catches up with replaceState in a
  // transition, so a second change made before that render would otherwise drop the first one.
  const current = (): Partial<Record<TFilterKey, string>> => {
    const live = new URLSearchParams(window.location.search);
    return Object.fromEntries(KEYS.map((k) => [k, live.get(k) ?? undefined]));
  };
  const setFilter = (key: TFilterKey, value: string | undefined) => {
    const next = filtersToSearch({ ...current(), [key]: value });
    if (next.get("status") === "open") next.delete("status");
    go(next.toString());
  };
  // Clearing the filters keeps the status tab the person is on.
  const clear = () => {
    const { status: tab } = current();
    go(tab && tab !== "open" ? `status=${encodeURIComponent(tab)}` : "");
  };

  return {
    filters,
    raw,
    setFilter,
    clear,
    invalid: parsed.success ? null : parsed.error.issues.map((i) => i.message).join(" "),
  };
}
