// Savings Plans and Reserved Instances figures as the Commitments page and the KPIs show them:
// coverage and utilization per month and kind, summed exactly from per-account and per-commitment
// rows, and the commitments that expire soon. Pure: rows in, figures out.
import { Decimal } from "decimal.js";
import type { TCommitmentKind } from "@/lib/domain/snapshot";

export interface TCoverageRow {
  accountId: string;
  month: string;
  kind: TCommitmentKind;
  covered: string;
  total: string;
  onDemandCost: string;
}

export interface TUsageRow {
  commitmentId: string;
  month: string;
  kind: TCommitmentKind;
  accountId: string;
  description: string;
  commitment: string;
  used: string;
  unused: string;
  endsAt: string | null;
}

export interface TCommitmentMonth {
  month: string;
  kind: TCommitmentKind;
  covered: string;
  total: string;
  /** covered ÷ total × 100, 2 decimals; null when nothing eligible ran. */
  coveragePct: string | null;
  onDemandCost: string;
  commitment: string;
  used: string;
  unused: string;
  /** used ÷ commitment × 100, 2 decimals; null without commitments that month. */
  utilizationPct: string | null;
}

export function pct(part: Decimal.Value, whole: Decimal.Value): string | null {
  const w = new Decimal(whole);
  return w.gt(0) ? new Decimal(part).div(w).mul(100).toFixed(2) : null;
}

interface Sums {
  covered: Decimal;
  total: Decimal;
  onDemand: Decimal;
  commitment: Decimal;
  used: Decimal;
  unused: Decimal;
}

const zero = (): Sums => ({
  covered: new Decimal(0),
  total: new Decimal(0),
  onDemand: new Decimal(0),
  commitment: new Decimal(0),
  used: new Decimal(0),
  unused: new Decimal(0),
});

/** One row per (month, kind) that has coverage or usage, oldest month first, Savings Plans before RIs. */
export function summarizeMonths(
  coverage: readonly TCoverageRow[],
  usage: readonly TUsageRow[],
): TCommitmentMonth[] {
  const sums = new Map<string, Sums>();
  const at = (month: string, kind: TCommitmentKind) => {
    const key = `${month}|${kind}`;
    const s = sums.get(key) ?? zero();
    sums.set(key, s);
    return s;
  };
  for (const r of coverage) {
    const s = at(r.month, r.kind);
    s.covered = s.covered.plus(r.covered);
    s.total = s.total.plus(r.total);
    s.onDemand = s.onDemand.plus(r.onDemandCost);
  }
  for (const r of usage) {
    const s = at(r.month, r.kind);
    s.commitment = s.commitment.plus(r.commitment);
    s.used = s.used.plus(r.used);
    s.unused = s.unused.plus(r.unused);
  }
  return [...sums]
    .map(([key, s]) => {
      const [month = "", kind = "savings_plan"] = key.split("|");
      return {
        month,
        kind: kind === "reserved_instance" ? "reserved_instance" : "savings_plan",
        covered: s.covered.toFixed(),
        total: s.total.toFixed(),
        coveragePct: pct(s.covered, s.total),
        onDemandCost: s.onDemand.toFixed(),
        commitment: s.commitment.toFixed(),
        used: s.used.toFixed(),
        unused: s.unused.toFixed(),
        utilizationPct: pct(s.used, s.commitment),
      } satisfies TCommitmentMonth;
    })
    .sort((a, b) => a.month.localeCompare(b.month) || a.kind.localeCompare(b.kind));
}

export const EXPIRY_WINDOWS = [30, 60, 90] as const;
export type TExpiryWindow = (typeof EXPIRY_WINDOWS)[number];

export interface TExpiring {
  commitmentId: string;
  kind: TCommitmentKind;
  accountId: string;
  description: string;
  /** The commitment's amount in its latest stored month. */
  commitment: string;
  endsAt: string;
  daysLeft: number;
  /** The smallest window (30, 60 or 90 days) it falls in. */
  window: TExpiryWindow;
}

const DAY_MS = 86_400_000;

/**
 * Commitments whose term ends within 90 days of `now`, from each one's latest stored month (an
 * expired one, ended before now, is not "expiring"). Soonest first.
 */
export function expiringCommitments(usage: readonly TUsageRow[], now: Date): TExpiring[] {
  const latest = new Map<string, TUsageRow>();
  for (const r of usage) {
    const seen = latest.get(r.commitmentId);
    if (!seen || seen.month < r.month) latest.set(r.commitmentId, r);
  }
  const out: TExpiring[] = [];
  for (const r of latest.values()) {
    if (!r.endsAt) continue;
    const left = (Date.parse(r.endsAt) - now.getTime()) / DAY_MS;
    if (!(left >= 0)) continue;
    const window = EXPIRY_WINDOWS.find((w) => left <= w);
    if (!window) continue;
    out.push({
      commitmentId: r.commitmentId,
      kind: r.kind,
      accountId: r.accountId,
      description: r.description,
      commitment: r.commitment,
      endsAt: r.endsAt,
      daysLeft: Math.floor(left),
      window,
    });
  }
  return out.sort((a, b) => a.endsAt.localeCompare(b.endsAt));
}

/** How many commitments expire within each window (cumulative: the 60-day count includes the 30-day ones). */
export function expiryCounts(expiring: readonly TExpiring[]): Record<TExpiryWindow, number> {
  return {
    30: expiring.filter((e) => e.window === 30).length,
    60: expiring.filter((e) => e.window <= 60).length,
    90: expiring.length,
  };
}
