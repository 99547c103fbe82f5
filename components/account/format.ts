// Dates on the account page: UTC, so the server render and the browser agree.
const dateFmt = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "short",
  day: "numeric",
  timeZone: "UTC",
});
const dateTimeFmt = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

export function formatDate(iso: string | null, empty = "—"): string {
  return iso ? dateFmt.format(new Date(iso)) : empty;
}

export function formatDateTime(iso: string | null, empty = "—"): string {
  return iso ? dateTimeFmt.format(new Date(iso)) : empty;
}

/** Whole days from `iso` to `asOf`. */
export function daysSince(iso: string, asOf: string): number {
  return Math.floor((new Date(asOf).getTime() - new Date(iso).getTime()) / 86_400_000);
}

export function formatAge(iso: string | null, asOf: string, empty = "—"): string {
  if (!iso) return empty;
  const days = daysSince(iso, asOf);
  if (days < 1) return "today";
  return days === 1 ? "1 day ago" : `${days.toLocaleString("en-US")} days ago`;
}
