"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";

export interface OrgUrlState {
  /** "YYYY-MM", or undefined for the server's default (last full month). */
  from?: string;
  to?: string;
  /** Search text. */
  q: string;
  /** Focused OU id. */
  ou: string | null;
}

/**
 * The organization view's filters live in the URL so a view can be shared and reloaded. Filter edits
 * replace the history entry without a server round trip (Next syncs useSearchParams with it).
 */
export function useOrgUrl(): [
  OrgUrlState,
  (patch: Partial<Record<"from" | "to" | "q" | "ou", string | null>>) => void,
] {
  const params = useSearchParams();
  const pathname = usePathname();
  const state: OrgUrlState = {
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
    q: params.get("q") ?? "",
    ou: params.get("ou"),
  };
  const update = useCallback(
    (patch: Partial<Record<"from" | "to" | "q" | "ou", string | null>>) => {
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(patch)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      const qs = next.toString();
      window.history.replaceState(null, "", qs ? `${pathname}?${qs}` : pathname);
    },
    [pathname],
  );
  return [state, update];
}

/** A link to the view with one OU focused, keeping the period and the search. */
export function ouHref(state: OrgUrlState, ouId: string | null): string {
  const next = new URLSearchParams();
  if (state.from) next.set("from", state.from);
  if (state.to) next.set("to", state.to);
  if (state.q) next.set("q", state.q);
  if (ouId) next.set("ou", ouId);
  const qs = next.toString();
  return qs ? `/organization?${qs}` : "/organization";
}
