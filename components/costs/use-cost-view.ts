"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { COST_QUERY_KEYS, costSearchParams, ZCostQuery, type TCostQuery } from "@/lib/api/costs";

export const TOP_CHOICES = [5, 8, 12] as const;
const DEFAULT_TOP = 8;
// The page's URL is the API's query plus the chart's top N.
const KEYS = [...COST_QUERY_KEYS, "top"] as const;
export type TViewKey = (typeof KEYS)[number];
export type TViewPatch = Partial<Record<TViewKey, string | undefined>>;

/** Builds the page URL of a view: the API's query string plus the chart's top N. */
function viewHref(pathname: string, raw: TViewPatch): string {
  const qs = costSearchParams(raw);
  if (raw.top && Number(raw.top) !== DEFAULT_TOP) qs.set("top", raw.top);
  const s = qs.toString();
  return s ? `${pathname}?${s}` : pathname;
}

/** Every choice on the showback page lives in the URL, so a view can be shared and survives a reload. */
export function useCostView() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();

  const raw = useMemo<TViewPatch>(
    () => Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? undefined])),
    [params],
  );
  const parsed = ZCostQuery.safeParse(raw);
  const query: TCostQuery = parsed.success ? parsed.data : ZCostQuery.parse({});
  const topValue = Number(raw.top);
  const top = TOP_CHOICES.find((t) => t === topValue) ?? DEFAULT_TOP;
  const apiSearch = costSearchParams(parsed.success ? raw : {}).toString();

  const update = (patch: TViewPatch) =>
    router.replace(viewHref(pathname, { ...raw, ...patch }), { scroll: false });
  const hrefFor = (patch: TViewPatch) => viewHref(pathname, { ...raw, ...patch });

  return {
    raw,
    query,
    top,
    apiSearch,
    update,
    hrefFor,
    invalid: parsed.success
      ? null
      : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
  };
}
