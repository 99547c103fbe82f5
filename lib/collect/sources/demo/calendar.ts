// The months and days a demo snapshot covers, all derived from `now` in UTC.
import { DAY_MS, dayStart, daysInMonth, isoDay, monthStart } from "./time";

export interface CalendarMonth {
  start: number;
  end: number;
  label: string;
  days: number;
  /** 0 = January */
  monthOfYear: number;
}

export interface CalendarDay {
  start: number;
  label: string;
  weekend: boolean;
  /** After today: part of the month's forecast, never emitted. */
  future: boolean;
}

export interface Calendar {
  months: CalendarMonth[];
  /** Index of the first month with daily rows (the previous month, or the current one). */
  windowStart: number;
  /** Every day of each daily-window month, keyed by month index. */
  windowDays: Map<number, CalendarDay[]>;
  /** Labels of the days that carry daily rows: window start through today. */
  dayLabels: string[];
  current: number;
}

export function buildCalendar(now: number, monthCount: number): Calendar {
  const months: CalendarMonth[] = [];
  for (let offset = monthCount - 1; offset >= 0; offset--) {
    const start = monthStart(now, -offset);
    months.push({
      start,
      end: monthStart(start, 1),
      label: isoDay(start),
      days: daysInMonth(start),
      monthOfYear: new Date(start).getUTCMonth(),
    });
  }
  const current = months.length - 1;
  const windowStart = Math.max(0, current - 1);
  const today = dayStart(now);
  const windowDays = new Map<number, CalendarDay[]>();
  const dayLabels: string[] = [];
  for (let k = windowStart; k <= current; k++) {
    const month = months[k];
    if (!month) continue;
    const days: CalendarDay[] = [];
    for (let t = month.start; t < month.end; t += DAY_MS) {
      const weekday = new Date(t).getUTCDay();
      const day = {
        start: t,
        label: isoDay(t),
        weekend: weekday === 0 || weekday === 6,
        future: t > today,
      };
      days.push(day);
      if (!day.future) dayLabels.push(day.label);
    }
    windowDays.set(k, days);
  }
  return { months, windowStart, windowDays, dayLabels, current };
}

/** Index of the month containing `ms` (may be negative or past the end). */
export function monthIndex(calendar: Calendar, ms: number): number {
  const first = calendar.months[0];
  if (!first) return 0;
  const a = new Date(first.start);
  const b = new Date(ms);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
}
