// Calendar helpers over UTC day strings (YYYY-MM-DD) and day offsets.
const DAY_MS = 86_400_000;

export function dayToEpoch(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}

export function epochToDay(epochDay: number): string {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return epochToDay(dayToEpoch(day) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

export function dayOfMonth(epochDay: number): number {
  return new Date(epochDay * DAY_MS).getUTCDate();
}

export function calendarFor(start: string, n: number): { dow: Uint8Array; dom: Uint8Array } {
  const s = dayToEpoch(start);
  const dow = new Uint8Array(n);
  const dom = new Uint8Array(n);
  for (let t = 0; t < n; t++) {
    dow[t] = dayOfWeek(s + t);
    dom[t] = dayOfMonth(s + t);
  }
  return { dow, dom };
}
