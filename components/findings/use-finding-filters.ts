"use client";

import { usePathname, useSearchParams } from "next/navigation";
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

  const raw: Partial<Record<TFilterKey, string>> = Object.fromEntries(
    KEYS.map((k) => [k, params.get(k) ?? undefined]),
  );
  const parsed = ZFindingFilters.safeParse(raw);
  const filters: TFindingFilters = parsed.success ? parsed.data : { status: "open" };

  // The native history API syncs useSearchParams without a server round trip: filtering is client-side only.
  const go = (url: string) => window.history.replaceState(null, "", url);
  const setFilter = (key: TFilterKey, value: string | undefined) => {
    const next = filtersToSearch({ ...raw, [key]: value });
    if (next.get("status") === "open") next.delete("status");
    const qs = next.toString();
    go(qs ? `${pathname}?${qs}` : pathname);
  };
  // Clearing the filters keeps the status tab the person is on.
  const clear = () => {
    const status =
      raw.status && raw.status !== "open" ? `?status=${encodeURIComponent(raw.status)}` : "";
    go(`${pathname}${status}`);
  };

  return {
    filters,
    raw,
    setFilter,
    clear,
    invalid: parsed.success ? null : parsed.error.issues.map((i) => i.message).join(" "),
  };
}
