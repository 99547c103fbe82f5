import type { TSeverityCounts } from "@/lib/api/org";
import { complianceScore, formatScore, scoreTone, type ScoreTone } from "@/lib/domain/org/score";

const SEVERITY_STYLE = {
  critical: "bg-red-700 text-white dark:bg-red-600",
  high: "bg-orange-700 text-white dark:bg-orange-500 dark:text-slate-950",
  medium: "bg-amber-300 text-amber-950 dark:bg-amber-400",
  low: "bg-sky-200 text-sky-950 dark:bg-sky-300",
} as const;
const SEVERITY_KEYS = ["critical", "high", "medium", "low"] as const;

export function severityLabel(f: TSeverityCounts): string {
  const total = f.critical + f.high + f.medium + f.low;
  if (!total) return "no open findings";
  return SEVERITY_KEYS.filter((k) => f[k] > 0)
    .map((k) => `${f[k]} ${k}`)
    .join(", ");
}

/** Four fixed slots (critical, high, medium, low) so columns line up; zero counts are faint. A phone shows critical and high only. */
export function SeverityPills({ findings }: { findings: TSeverityCounts }) {
  return (
    <span className="flex gap-1" aria-label={severityLabel(findings)} role="img">
      {SEVERITY_KEYS.map((k) => (
        <span
          key={k}
          title={`${findings[k]} ${k}`}
          className={`tabular ${k === "critical" || k === "high" ? "inline-flex" : "hidden md:inline-flex"} h-5 min-w-7 items-center justify-center rounded px-1 text-xs font-medium ${
            findings[k] > 0
              ? SEVERITY_STYLE[k]
              : "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-400"
          }`}
        >
          {k[0]?.toUpperCase()}
          {findings[k]}
        </span>
      ))}
    </span>
  );
}

const TONE_STYLE: Record<ScoreTone, string> = {
  good: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  fair: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  poor: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
  none: "text-slate-500 dark:text-slate-400",
};

/** An OU's share of compliant accounts; an account is simply compliant or not. */
export function ScoreBadge({
  compliant,
  total,
  kind,
}: {
  compliant: number;
  total: number;
  kind: "ou" | "account";
}) {
  const score = complianceScore(compliant, total);
  const text =
    kind === "account" ? (compliant ? "Compliant" : "Not compliant") : formatScore(score);
  return (
    <span
      className={`tabular inline-block rounded px-1.5 py-0.5 text-xs font-medium ${TONE_STYLE[scoreTone(score)]}`}
    >
      {text}
    </span>
  );
}
