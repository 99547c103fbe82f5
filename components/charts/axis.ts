"use client";

// Axis settings every bar chart shares, so a phone gets readable axes: shorter labels, smaller type,
// a narrower value axis, and recharts dropping the x labels that would collide (it measures them).
import { useSyncExternalStore } from "react";
import type { XAxisProps, YAxisProps } from "recharts";

/** Below Tailwind's sm breakpoint: a phone held upright. */
const NARROW = "(max-width: 639px)";

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** True on a phone-width window; false while rendering on the server (the wide layout is the default). */
export function useNarrowChart(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW).matches,
    () => false,
  );
}

const shortMonth = new Intl.DateTimeFormat("en-US", { month: "short", timeZone: "UTC" });

/** "Mar ’26" from "Mar 2026"-style months on a phone; other labels pass through. */
export function shortMonthLabel(month: string): string {
  const d = new Date(`${month.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime())
    ? month
    : `${shortMonth.format(d)} ’${String(d.getUTCFullYear()).slice(2)}`;
}

/** XAxis props: every label on a wide screen when it fits, the first and last always, none overlapping. */
export function xAxisProps(
  narrow: boolean,
): Pick<XAxisProps, "tick" | "tickLine" | "interval" | "minTickGap"> {
  return {
    tick: { fontSize: narrow ? 11 : 12, fill: "currentColor" },
    tickLine: false,
    interval: "preserveStartEnd",
    minTickGap: narrow ? 10 : 8,
  };
}

/** YAxis props: compact money needs less room on a phone. */
export function yAxisProps(
  narrow: boolean,
): Pick<YAxisProps, "tick" | "tickLine" | "axisLine" | "width"> {
  return {
    tick: { fontSize: narrow ? 11 : 12, fill: "currentColor" },
    tickLine: false,
    axisLine: false,
    width: narrow ? 48 : 64,
  };
}
