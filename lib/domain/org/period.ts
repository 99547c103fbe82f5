// The spend period of the organization views: whole months, "YYYY-MM" in URLs, last full month by default.
import { z } from "zod";
import { addMonths, monthOf, monthsInRange } from "@/lib/domain/months";

export const ZYearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month as YYYY-MM");

/** Longest period one request may sum, to keep a 5,000-account tree fast. */
export const MAX_PERIOD_MONTHS = 36;

export interface Period {
  /** First-of-month dates, inclusive. */
  from: string;
  to: string;
  /** The period reaches into the current month, whose costs are still moving. */
  estimated: boolean;
}

export type PeriodResult = { ok: true; period: Period } | { ok: false; error: string };

/** The last full month before `now`. */
export function defaultPeriodMonth(now: Date): string {
  return addMonths(monthOf(now), -1);
}

/** One bound alone means that single month; none means the last full month. */
export function resolvePeriod(input: { from?: string; to?: string }, now: Date): PeriodResult {
  const current = monthOf(now);
  const fallback = defaultPeriodMonth(now);
  const from = input.from ? `${input.from}-01` : input.to ? `${input.to}-01` : fallback;
  const to = input.to ? `${input.to}-01` : input.from ? `${input.from}-01` : fallback;
  if (from > to) return { ok: false, error: "The period must start before it ends." };
  if (to > current) return { ok: false, error: "The period cannot end after the current month." };
  if (monthsInRange(from, to) > MAX_PERIOD_MONTHS)
    return { ok: false, error: `The period can span at most ${MAX_PERIOD_MONTHS} months.` };
  return { ok: true, period: { from, to, estimated: to === current } };
}

/** "2026-10-01" → "2026-10", for URLs. */
export function toYearMonth(month: string): string {
  return month.slice(0, 7);
}
