// How an account's spend moves over time (trend, seasonality, noise, weekly rhythm) and the
// billing rules applied on top of usage (discounts, commitments, tax, support).
import type { AccountSpec } from "./spec";
import type { Rng } from "./rng";
import { toUnits } from "./money";

export const TAX_RATE = 0.06;
/** Enterprise discount: net is unblended minus this share, except on tax and support. */
const EDP_DISCOUNT = 0.03;

// Monthly factors, January first.
const RETAIL_SEASON = [0.93, 0.92, 0.96, 0.97, 0.98, 0.98, 0.99, 1.0, 1.0, 1.03, 1.14, 1.2];
const STEADY_SEASON = [1.0, 0.98, 1.0, 0.99, 1.0, 1.0, 0.98, 0.98, 1.0, 1.01, 1.01, 1.02];

export interface Shape {
  /** Month-over-month growth rate. */
  growth: number;
  /** Relative month-to-month noise per service. */
  sigma: number;
  /** Weekend usage relative to a weekday. */
  weekend: number;
  season: readonly number[];
  /** How strongly the season applies (0 = flat). */
  amplitude: number;
  /** Occasional load tests and experiments multiply a month's spend. */
  spiky: boolean;
}

function growthRate(spec: AccountSpec, rng: Rng): number {
  switch (spec.role) {
    case "management":
    case "policy-staging":
      return 0.004;
    case "log-archive":
      // Logs accumulate: storage only grows.
      return rng.range(0.02, 0.035);
    case "legacy":
      return rng.range(-0.02, -0.005);
    case "sandbox":
      return rng.range(-0.04, 0.05);
    default:
      return spec.env === "dev" || spec.env === "test"
        ? rng.range(-0.01, 0.03)
        : rng.range(0.003, 0.03);
  }
}

export function accountShape(spec: AccountSpec, rng: Rng): Shape {
  const dev = spec.env === "dev" || spec.env === "test";
  const byEnv = (sandbox: number, nonProd: number, shared: number, prod: number): number =>
    spec.env === "sandbox" ? sandbox : dev ? nonProd : spec.env === "shared" ? shared : prod;
  return {
    growth: growthRate(spec, rng),
    sigma: byEnv(0.25, 0.09, 0.04, 0.05),
    // Dev, test and sandbox resources are scheduled off at weekends.
    weekend: byEnv(0.4, 0.55, 0.97, 0.93),
    season: spec.bu?.retail ? RETAIL_SEASON : STEADY_SEASON,
    amplitude: spec.role === "sandbox" ? 0 : rng.range(0.5, 1.2),
    spiky: dev,
  };
}

/** AWS Business Support: 10% of the first $10K, 7% to $80K, 5% to $250K, 3% above; $100 min. */
export function businessSupport(usageUnits: number): number {
  const usd = usageUnits / 10_000;
  const tiers: readonly [number, number][] = [
    [10_000, 0.1],
    [80_000, 0.07],
    [250_000, 0.05],
    [Infinity, 0.03],
  ];
  let fee = 0;
  let floor = 0;
  for (const [cap, rate] of tiers) {
    if (usd <= floor) break;
    fee += (Math.min(usd, cap) - floor) * rate;
    floor = cap;
  }
  return toUnits(Math.max(100, fee));
}

/** Reserved Instances / Savings Plans shift cost between unblended and amortized. */
export function amortizedUnits(u: number, amortFactor: number): number {
  return amortFactor === 1 ? u : Math.round(u * amortFactor);
}

export function netUnits(u: number): number {
  return u - Math.round(u * EDP_DISCOUNT);
}
