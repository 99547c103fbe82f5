// Which days of daily cost a run fetches. The window is the last `windowDays` days up to today.
// A day is final once its month is: Cost Explorer revises a day until the month's figures stop
// being "Estimated" (the monthly plan refetches exactly those months, and the current one). So a
// run fetches the window's days never stored (the first run's backfill, a widened window) and the
// days of the months it refetches; final days already stored are never asked for again.

export interface DayRange {
  /** First day, "YYYY-MM-DD". */
  start: string;
  /** Exclusive end: the day after the last. */
  end: string;
}

export interface DailyPlan {
  /** First day fetched ("" when none). */
  start: string;
  /** Exclusive end of the last range ("" when none). */
  end: string;
  /** Every day fetched: the store replaces exactly these. */
  days: string[];
  /** One daily query each (each paged to its last token). */
  ranges: DayRange[];
}

const DAY_MS = 86_400_000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const nextDay = (day: string) => dayOf(new Date(new Date(`${day}T00:00:00Z`).getTime() + DAY_MS));

/** The window's days, oldest first: `windowDays` of them, today last. */
export function dailyWindow(now: Date, windowDays: number): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: windowDays }, (_, i) =>
    dayOf(new Date(today - (windowDays - 1 - i) * DAY_MS)),
  );
}

/** Consecutive days folded into ranges. */
export function dayRanges(days: readonly string[]): DayRange[] {
  const ranges: DayRange[] = [];
  for (const day of [...new Set(days)].sort()) {
    const last = ranges.at(-1);
    if (last && last.end === day) last.end = nextDay(day);
    else ranges.push({ start: day, end: nextDay(day) });
  }
  return ranges;
}

export function planDailyFetch(
  now: Date,
  windowDays: number,
  /** Days with stored daily cost (any, in the window or not). */
  storedDays: readonly string[],
  /** Months this run refetches (estimated ones and the current one): their days are not final. */
  openMonths: readonly string[],
  full: boolean,
  /**
   * Final months the stored monthly history holds no spend for at all: their days are known to be
   * empty, so they are never asked for (a day without spend leaves no row to remember it by).
   */
  emptyMonths: readonly string[] = [],
): DailyPlan {
  const stored = new Set(storedDays);
  const open = new Set(openMonths.map((m) => m.slice(0, 7)));
  const empty = new Set(emptyMonths.map((m) => m.slice(0, 7)));
  const days = dailyWindow(now, windowDays).filter((d) => {
    const month = d.slice(0, 7);
    if (full || open.has(month)) return true;
    return !stored.has(d) && !empty.has(month);
  });
  const ranges = dayRanges(days);
  return { start: ranges[0]?.start ?? "", end: ranges.at(-1)?.end ?? "", days, ranges };
}
