// Integer allocation with the largest-remainder method: the parts always add up to the total exactly.
import Decimal from "decimal.js";

/** Decimal arithmetic wide enough that sums of numeric(24,12) amounts are exact. */
export const Dec = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

/** Floor division for BigInt (BigInt's `/` truncates towards zero). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** Indices ordered by remainder, largest first; ties go to the earlier index so results are stable. */
function byRemainder<T>(remainders: readonly T[], compare: (a: T, b: T) => number): number[] {
  return remainders
    .map((_, i) => i)
    .sort((i, j) => compare(remainders[j] as T, remainders[i] as T) || i - j);
}

/**
 * Splits `total` (cents, may be negative) in proportion to non-negative integer weights. When every
 * weight is zero the split is even. Each part is within one cent of its exact proportional share.
 */
export function allocateByWeights(total: bigint, weights: readonly bigint[]): bigint[] {
  if (weights.length === 0) throw new RangeError("nothing to allocate to");
  if (weights.some((w) => w < 0n)) throw new RangeError("weights must not be negative");
  const sum = weights.reduce((a, b) => a + b, 0n);
  const ws = sum === 0n ? weights.map(() => 1n) : weights;
  const w = sum === 0n ? BigInt(weights.length) : sum;
  const parts = ws.map((x) => floorDiv(total * x, w));
  const remainders = ws.map((x, i) => total * x - (parts[i] ?? 0n) * w);
  let left = total - parts.reduce((a, b) => a + b, 0n);
  for (const i of byRemainder(remainders, (a, b) => (a === b ? 0 : a < b ? -1 : 1))) {
    if (left <= 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts;
}

/** Exact decimal → cents, half away from zero ("12.345" → 1235n, "-0.005" → -1n). */
export function toCentsHalfUp(amount: Dec | string): bigint {
  return BigInt(new Dec(amount).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
}

/**
 * Rounds exact decimal amounts to cents so that the cents add up to the exact total rounded half up:
 * every amount is floored, and the cents still missing go to the largest fractional remainders.
 */
export function decimalsToCents(amounts: readonly (Dec | string)[]): {
  cents: bigint[];
  totalCents: bigint;
} {
  const scaled = amounts.map((a) => new Dec(a).times(100));
  const exact = scaled.reduce((s, a) => s.plus(a), new Dec(0));
  const totalCents = BigInt(exact.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
  const floors = scaled.map((a) => a.toDecimalPlaces(0, Decimal.ROUND_FLOOR));
  const cents = floors.map((f) => BigInt(f.toFixed(0)));
  const fractions = scaled.map((a, i) => a.minus(floors[i] ?? 0));
  let left = totalCents - cents.reduce((a, b) => a + b, 0n);
  for (const i of byRemainder(fractions, (a, b) => a.comparedTo(b))) {
    if (left <= 0n) break;
    cents[i] = (cents[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return { cents, totalCents };
}

/** Cents as a plain decimal string: 123456n → "1234.56", -5n → "-0.05". */
export function formatCents(cents: bigint): string {
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  const units = abs / 100n;
  const rest = (abs % 100n).toString().padStart(2, "0");
  return `${neg ? "-" : ""}${units}.${rest}`;
}

/** A decimal amount as a non-negative integer weight at 10⁻¹² resolution (negatives count as zero). */
export function toWeight(amount: Dec | string): bigint {
  const d = new Dec(amount);
  if (d.isNegative() || d.isZero()) return 0n;
  return BigInt(d.times("1e12").toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
}
