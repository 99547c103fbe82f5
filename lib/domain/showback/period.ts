// The months a showback view covers: "YYYY-MM" in URLs, first-of-month dates inside.
import { addMonths, monthOf, monthsInRange } from "@/lib/domain/months";

/** Default window: the last 12 full months and the current month to date. */
export const DEFAULT_FULL_MONTHS = 12;
/** Cost Explorer keeps 38 months; a longer window would only show empty columns. */
export const MAX_MONTHS = 38;

export interface TPeriodWindow {
  /** First month, "YYYY-MM-01". */
  from: string;
  /** Last month, "YYYY-MM-01" (inclusive). */
  to: string;
}

export function yearMonthToMonth(yearMonth: string): string {
  return `${yearMonth}-01`;
}

export function monthToYearMonth(month: string): string {
  return month.slice(0, 7);
}

export function defaultWindow(now: Date): TPeriodWindow {
  const current = monthOf(now);
  return { from: addMonths(current, -DEFAULT_FULL_MONTHS), to: current };
}

/** Resolves optional "YYYY-MM" bounds against the default window; null when the window is invalid. */
export function resolveWindow(
  bounds: { from?: string; to?: string },
  now: Date,
): TPeriodWindow | { error: string } {
  const d = defaultWindow(now);
  const to = bounds.to ? yearMonthToMonth(bounds.to) : d.to;
  const from = bounds.from
    ? yearMonthToMonth(bounds.from)
    : bounds.to
      ? addMonths(to, -DEFAULT_FULL_MONTHS)
      : d.from;
  if (from > to) return { error: "The period starts after it ends." };
  if (monthsInRange(from, to) > MAX_MONTHS)
    return { error: `The period may span at most ${MAX_MONTHS} months.` };
  return { from, to };
}

/** Last day of a month, "YYYY-MM-DD". */
export function lastDayOf(month: string): string {
  const d = new Date(`${addMonths(month, 1)}T00:00:00Z`);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}
