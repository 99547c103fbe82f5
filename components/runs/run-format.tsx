// How runs read everywhere: status badges, durations, times.
const STATUS_STYLE: Record<string, string> = {
  running: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200",
  succeeded: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  partial: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  capped: "bg-orange-100 text-orange-900 dark:bg-orange-950 dark:text-orange-200",
  failed: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
};

export const STATUS_HINT: Record<string, string> = {
  running: "Collecting now",
  succeeded: "Everything was collected",
  partial: "Stored, but some accounts or data could not be read",
  capped: "Stopped early by the Cost Explorer request cap",
  failed: "Nothing was stored; the last good data is kept",
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      title={STATUS_HINT[status]}
      data-testid="run-status"
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[status] ?? "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200"}`}
    >
      {status === "running" ? (
        <span aria-hidden className="h-1.5 w-1.5 animate-pulse rounded-full bg-current" />
      ) : null}
      {status}
    </span>
  );
}

/** "850 ms", "12.4 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "–";
  if (ms < 1_000) return `${ms} ms`;
  const s = ms / 1_000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(Math.floor(s % 60)).padStart(2, "0")} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
}

const timeFmt = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium" });
const shortFmt = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

export function formatTime(iso: string | null): string {
  return iso ? timeFmt.format(new Date(iso)) : "–";
}

/** "Nov 28, 17:43:11": for dense tables. */
export function formatShortTime(iso: string | null): string {
  return iso ? shortFmt.format(new Date(iso)) : "–";
}

/** A column header with a second, smaller line explaining its numbers. */
export function TwoLineHeader({ title, detail }: { title: string; detail: string }) {
  return (
    <span className="flex flex-col items-end leading-tight">
      <span>{title}</span>
      <span className="font-normal text-slate-500 dark:text-slate-400">{detail}</span>
    </span>
  );
}

export function ProgressBar({
  done,
  total,
  label,
}: {
  done: number;
  total: number;
  label: string;
}) {
  const known = total > 0;
  const pct = known ? Math.min(100, Math.round((done / total) * 100)) : null;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={known ? total : undefined}
      aria-valuenow={known ? done : undefined}
      aria-valuetext={known ? `${done} of ${total}` : "in progress"}
      className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
    >
      <div
        className={`h-full rounded-full bg-indigo-600 transition-[width] duration-500 ${known ? "" : "w-1/3 animate-pulse"}`}
        style={pct === null ? undefined : { width: `${pct}%` }}
      />
    </div>
  );
}
