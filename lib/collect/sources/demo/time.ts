// UTC calendar helpers. Everything in the demo is computed from `now`, never from the clock.

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** Start of the UTC month containing `ms`, shifted by `offset` months. */
export function monthStart(ms: number, offset = 0): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1);
}

export function dayStart(ms: number): number {
  return ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS);
}

export function daysInMonth(monthStartMs: number): number {
  return Math.round((monthStart(monthStartMs, 1) - monthStartMs) / DAY_MS);
}

/** "YYYY-MM-DD" */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** `n` days before `now`. */
export function daysAgo(now: number, n: number): number {
  return now - n * DAY_MS;
}
