import type { TSeverity } from "@/lib/domain/checks/types";

export const SEVERITY_STYLE: Record<TSeverity, string> = {
  critical: "bg-red-700 text-white dark:bg-red-600",
  high: "bg-orange-100 text-orange-900 ring-1 ring-orange-300 dark:bg-orange-950 dark:text-orange-200 dark:ring-orange-800",
  medium:
    "bg-amber-50 text-amber-900 ring-1 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800",
  low: "bg-sky-50 text-sky-900 ring-1 ring-sky-200 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-800",
  info: "bg-slate-100 text-slate-700 ring-1 ring-slate-200 dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-700",
};

export function SeverityBadge({ severity }: { severity: TSeverity }) {
  return (
    <span
      className={`inline-block rounded px-1.5 py-0.5 text-xs font-semibold capitalize ${SEVERITY_STYLE[severity]}`}
    >
      {severity}
    </span>
  );
}

const TAG = "inline-block rounded px-1.5 py-0.5 text-xs font-medium ring-1";

/** Where a finding stands: open, resolved, excepted (by a rule), muted (until), stale. */
export function StatusBadges({
  status,
  stale,
  mutedUntil,
  excepted = false,
}: {
  status: string;
  stale: boolean;
  mutedUntil: string | null;
  excepted?: boolean;
}) {
  return (
    <span className="flex flex-wrap gap-1">
      {status === "resolved" ? (
        <span
          className={`${TAG} bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800`}
        >
          Resolved
        </span>
      ) : excepted ? (
        <span
          className={`${TAG} bg-sky-50 text-sky-900 ring-sky-200 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-800`}
        >
          Excepted
        </span>
      ) : mutedUntil ? (
        <span
          className={`${TAG} bg-violet-50 text-violet-800 ring-violet-200 dark:bg-violet-950 dark:text-violet-200 dark:ring-violet-800`}
        >
          Muted
        </span>
      ) : (
        <span
          className={`${TAG} bg-white text-slate-800 ring-slate-300 dark:bg-slate-900 dark:text-slate-200 dark:ring-slate-600`}
        >
          Open
        </span>
      )}
      {stale && status === "open" ? (
        <span
          title="The account could not be audited in the latest run; this is the last known state."
          className={`${TAG} bg-yellow-50 text-yellow-900 ring-yellow-300 dark:bg-yellow-950 dark:text-yellow-200 dark:ring-yellow-800`}
        >
          Stale
        </span>
      ) : null}
    </span>
  );
}

const dateTime = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});
const dateOnly = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** "Mar 18, 2026, 9:00 AM UTC": UTC so server and browser render the same text. */
export function formatDateTime(iso: string): string {
  return `${dateTime.format(new Date(iso))} UTC`;
}

export function formatDate(iso: string): string {
  return dateOnly.format(new Date(iso));
}

export const CATEGORY_LABEL: Record<string, string> = {
  "identity-access": "Identity & access",
  segregation: "Segregation",
  logging: "Logging",
  organization: "Organization",
  "cost-tagging": "Cost & tagging",
};
