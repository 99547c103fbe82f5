// The sample size beside a KPI value ("1,204 calls", "of $48,210"): how much evidence a share rests on.
import type { TKpiSampleUnit } from "@/lib/api/kpis";
import { formatMoney } from "./money";

const count = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const SINGULAR: Record<Exclude<TKpiSampleUnit, "usd">, string> = {
  accounts: "account",
  "member accounts": "member account",
  "sign-ins": "sign-in",
  calls: "call",
};

export function formatKpiSample(sample: number | null, unit: TKpiSampleUnit | null): string | null {
  if (sample === null || unit === null) return null;
  if (unit === "usd") return `of ${formatMoney(sample)}`;
  const n = Math.round(sample);
  return `${count.format(n)} ${n === 1 ? SINGULAR[unit] : unit}`;
}
