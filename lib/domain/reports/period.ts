// The period a digest covers. Weekly: the 7 full UTC days before its send day (a chosen weekday),
// against the 7 before those. Monthly: the last full month, against the month before, sent on the 1st.
export const CADENCES = ["weekly", "monthly"] as const;
export type TCadence = (typeof CADENCES)[number];

export interface TPeriod {
  cadence: TCadence;
  /** Stable id of the period: a schedule delivers each key once ("weekly:2026-11-23", "monthly:2026-11"). */
  key: string;
  /** First day (YYYY-MM-DD) of the period; `end` is the first day after it. */
  start: string;
  end: string;
  /** The period compared against: `previousStart` up to `start`. */
  previousStart: string;
  /** When the period is due: 00:00 UTC of its send day (= `end`). */
  sendAt: Date;
  label: string;
}

const DAY_MS = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function dayLabel(day: string): string {
  return `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1] ?? ""} ${day.slice(0, 4)}`;
}

/** The latest period whose send day has begun at `now`. `weekday` (0 = Sunday) is used by weekly only. */
export function latestPeriod(cadence: TCadence, weekday: number | null, now: Date): TPeriod {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (cadence === "weekly") {
    const back = (new Date(today).getUTCDay() - (weekday ?? 1) + 7) % 7;
    const end = new Date(today - back * DAY_MS);
    const start = new Date(end.getTime() - 7 * DAY_MS);
    const last = new Date(end.getTime() - DAY_MS);
    return {
      cadence,
      key: `weekly:${iso(start)}`,
      start: iso(start),
      end: iso(end),
      previousStart: iso(new Date(start.getTime() - 7 * DAY_MS)),
      sendAt: end,
      label: `${dayLabel(iso(start))} – ${dayLabel(iso(last))}`,
    };
  }
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 1, 1));
  const previous = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 2, 1));
  return {
    cadence,
    key: `monthly:${iso(start).slice(0, 7)}`,
    start: iso(start),
    end: iso(end),
    previousStart: iso(previous),
    sendAt: end,
    label: `${MONTHS[start.getUTCMonth()] ?? ""} ${start.getUTCFullYear()}`,
  };
}

/** Every day of [start, end) as YYYY-MM-DD. */
export function daysOf(start: string, end: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${start}T00:00:00Z`); t < Date.parse(`${end}T00:00:00Z`); t += DAY_MS)
    out.push(iso(new Date(t)));
  return out;
}

/** The pg-boss cron of a schedule: 00:00 UTC of its send day. */
export function cronOf(cadence: TCadence, weekday: number | null): string {
  return cadence === "weekly" ? `0 0 * * ${weekday ?? 1}` : "0 0 1 * *";
}
