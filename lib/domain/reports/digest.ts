// What a digest says, as plain data: built by lib/server/reports/load-digest.ts from stored facts and
// rendered as email, Slack and Teams (lib/reports). The arithmetic here is pure and unit-tested.
import type { TPeriod } from "./period";

export interface TAmountPair {
  key: string;
  label: string;
  current: number;
  previous: number;
}

export interface TMover extends TAmountPair {
  change: number;
  /** null when there was nothing before (a new cost). */
  changePct: number | null;
}

export interface TMovers {
  increases: TMover[];
  decreases: TMover[];
}

export interface TDigestKpi {
  kpiId: string;
  label: string;
  unit: "pct" | "hours" | "count" | "usd";
  better: "up" | "down";
  value: number | null;
  previous: number | null;
  change: number | null;
}

export interface TDigest {
  reportName: string;
  scopeLabel: string;
  period: TPeriod;
  spend: { current: number; previous: number; change: number; changePct: number | null };
  /** Spend per day of the period (the chart). */
  daily: { day: string; amount: number }[];
  accounts: TMovers;
  services: TMovers;
  kpis: TDigestKpi[];
  budgetsAtRisk: {
    name: string;
    scopeLabel: string;
    monthlyAmount: number;
    forecast: number;
    monthToDate: number;
  }[];
  findings: {
    total: number;
    items: { severity: string; checkId: string; title: string; accountId: string | null }[];
  };
  anomalies: {
    total: number;
    impact: number;
    items: { accountId: string; service: string; kind: string; firstDay: string; impact: number }[];
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function percentChange(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return round2(((current - previous) / Math.abs(previous)) * 100);
}

/** The `limit` largest increases and decreases (cent-level changes ignored), largest first. */
export function topMovers(pairs: readonly TAmountPair[], limit = 5): TMovers {
  const movers = pairs.map((p) => ({
    ...p,
    current: round2(p.current),
    previous: round2(p.previous),
    change: round2(p.current - p.previous),
    changePct: percentChange(p.current, p.previous),
  }));
  const byKey = (a: TMover, b: TMover) => a.key.localeCompare(b.key);
  return {
    increases: movers
      .filter((m) => m.change >= 0.01)
      .toSorted((a, b) => b.change - a.change || byKey(a, b))
      .slice(0, limit),
    decreases: movers
      .filter((m) => m.change <= -0.01)
      .toSorted((a, b) => a.change - b.change || byKey(a, b))
      .slice(0, limit),
  };
}

/** Totals of both periods and their change. */
export function spendTotals(pairs: readonly TAmountPair[]): TDigest["spend"] {
  const current = round2(pairs.reduce((s, p) => s + p.current, 0));
  const previous = round2(pairs.reduce((s, p) => s + p.previous, 0));
  return {
    current,
    previous,
    change: round2(current - previous),
    changePct: percentChange(current, previous),
  };
}

/**
 * A KPI at the end of the period (its last value measured before `end`) against its value at the
 * period's start (the last measured before `start`); null where no run measured it.
 */
export function kpiChange(
  points: readonly { at: string; value: number | null }[],
  start: string,
  end: string,
): { value: number | null; previous: number | null; change: number | null } {
  const before = (day: string) =>
    points.findLast((p) => p.at < `${day}T00:00:00.000Z` && p.value !== null)?.value ?? null;
  const value = before(end);
  const previous = before(start);
  return {
    value,
    previous,
    change: value !== null && previous !== null ? Math.round((value - previous) * 1e4) / 1e4 : null,
  };
}
