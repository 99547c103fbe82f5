// Money is integer "units" of 1/10,000 USD while generating, and a decimal string on output.
// Integers make every sum exact (byTag and daily splits must add up to the monthly totals to
// the last digit) and are far cheaper than a Decimal per row at millions of rows; the largest
// totals at 5,000 accounts stay well below 2^53.

export const UNITS_PER_USD = 10_000;

export function toUnits(usd: number): number {
  return Math.round(usd * UNITS_PER_USD);
}

/** 1234567 → "123.4567" (always four decimals, like Cost Explorer's fixed-precision output). */
export function formatUnits(units: number): string {
  const negative = units < 0;
  const abs = negative ? -units : units;
  const whole = Math.floor(abs / UNITS_PER_USD);
  const frac = abs - whole * UNITS_PER_USD;
  const fracText =
    frac < 10 ? `000${frac}` : frac < 100 ? `00${frac}` : frac < 1000 ? `0${frac}` : `${frac}`;
  return `${negative ? "-" : ""}${whole}.${fracText}`;
}

/**
 * Splits a non-negative integer into parts proportional to `weights` that sum to it exactly
 * (largest remainder; ties go to the earlier part so the result is deterministic).
 */
export function splitInteger(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  let weightSum = 0;
  for (const w of weights) weightSum += w;
  if (!(weightSum > 0)) throw new RangeError("splitInteger needs a positive weight");
  const parts: number[] = new Array<number>(n);
  const remainders: number[] = new Array<number>(n);
  let rest = total;
  for (let i = 0; i < n; i++) {
    const exact = (total * (weights[i] ?? 0)) / weightSum;
    const part = Math.floor(exact);
    parts[i] = part;
    remainders[i] = exact - part;
    rest -= part;
  }
  // Hand out what flooring left over, largest remainder first; there are only a handful of
  // parts, so a selection scan beats sorting. Float rounding can leave `rest` slightly outside
  // [0, n), which the wrap-around and the negative branch absorb.
  while (rest > 0) {
    let best = 0;
    let bestRemainder = -Infinity;
    for (let i = 0; i < n; i++) {
      const r = remainders[i] ?? 0;
      if (r > bestRemainder) {
        best = i;
        bestRemainder = r;
      }
    }
    parts[best] = (parts[best] ?? 0) + 1;
    remainders[best] = bestRemainder - 1;
    rest--;
  }
  while (rest < 0) {
    let worst = -1;
    let worstRemainder = Infinity;
    for (let i = 0; i < n; i++) {
      const r = remainders[i] ?? 0;
      if ((parts[i] ?? 0) > 0 && r < worstRemainder) {
        worst = i;
        worstRemainder = r;
      }
    }
    if (worst < 0) break;
    parts[worst] = (parts[worst] ?? 0) - 1;
    remainders[worst] = worstRemainder + 1;
    rest++;
  }
  return parts;
}
