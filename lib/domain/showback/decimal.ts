// Exact money arithmetic for showback: sums of numeric(20,10) amounts never lose a digit.
import Decimal from "decimal.js";

const Exact = Decimal.clone({ precision: 60, toExpNeg: -60, toExpPos: 60 });

/** Sum of decimal strings, as a plain decimal string without trailing zeros ("12.5", "0", "-3"). */
export function sumDecimals(values: readonly string[]): string {
  let total = new Exact(0);
  for (const v of values) total = total.plus(v);
  return total.toFixed();
}

/** A decimal string in its shortest exact form ("12.5000000000" → "12.5"). */
export function normalizeDecimal(value: string): string {
  return new Exact(value).toFixed();
}

/** part / whole as a decimal fraction with 6 places, or null when the whole is zero. */
export function shareOf(part: string, whole: string): string | null {
  const w = new Exact(whole);
  if (w.isZero()) return null;
  return new Exact(part).div(w).toFixed(6);
}

export function compareDecimals(a: string, b: string): number {
  return new Exact(a).comparedTo(b);
}
