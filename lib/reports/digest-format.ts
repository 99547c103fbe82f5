// Words and figures shared by the digest's email, Slack and Teams renderings, so they say the same.
import type { TDigest, TDigestKpi, TMover } from "@/lib/domain/reports/digest";
import { formatKpiValue } from "@/lib/format/kpi-value";
import { formatMoney } from "@/lib/format/money";

export const money = (n: number) => formatMoney(n, { cents: true });

export function signedMoney(n: number): string {
  return `${n >= 0 ? "+" : "−"}${money(Math.abs(n))}`;
}

export function signedPct(pct: number | null): string {
  if (pct === null) return "new";
  return `${pct >= 0 ? "+" : "−"}${Math.abs(pct).toFixed(1)}%`;
}

export const moverLine = (m: TMover) =>
  `${m.label}: ${money(m.current)} (${signedMoney(m.change)}, ${signedPct(m.changePct)})`;

export function kpiChangeText(k: TDigestKpi): string {
  if (k.change === null) return "no earlier value";
  if (k.change === 0) return "unchanged";
  const sign = k.change > 0 ? "+" : "−";
  const size = Math.abs(k.change);
  const unitText = k.unit === "pct" ? `${size.toFixed(1)} pts` : formatKpiValue(size, k.unit);
  return `${sign}${unitText}`;
}

/** Whether the KPI moved the good way (null: unchanged or unknown). */
export function kpiImproved(k: TDigestKpi): boolean | null {
  if (k.change === null || k.change === 0) return null;
  return k.better === "up" ? k.change > 0 : k.change < 0;
}

export const digestTitle = (d: TDigest) =>
  `${d.reportName}: ${d.period.cadence === "weekly" ? "week" : "month"} of ${d.period.label}`;

export const spendLine = (d: TDigest) =>
  `Spend ${money(d.spend.current)} (${signedMoney(d.spend.change)}, ${signedPct(d.spend.changePct)} on the ${d.period.cadence === "weekly" ? "week" : "month"} before)`;

export const KIND_LABEL: Record<string, string> = {
  spike: "spike",
  level_shift: "level shift",
  new_service: "new service",
  drift: "drift",
};
