import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  Dec,
  allocateByWeights,
  decimalsToCents,
  formatCents,
  toCentsHalfUp,
} from "./largest-remainder";

const cents = fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n });
const weight = fc.bigInt({ min: 0n, max: 10n ** 18n });
/** Decimal strings like numeric(20,10) / numeric(24,12) produce, negatives (credits) included. */
const decimal = fc
  .tuple(
    fc.boolean(),
    fc.bigInt({ min: 0n, max: 10n ** 10n }),
    fc.bigInt({ min: 0n, max: 10n ** 12n - 1n }),
  )
  .map(([neg, units, frac]) => `${neg ? "-" : ""}${units}.${frac.toString().padStart(12, "0")}`);

describe("allocateByWeights", () => {
  it("splits 100 cents 1:1:1 as 34/33/33 and keeps ties stable", () => {
    expect(allocateByWeights(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocateByWeights(-100n, [1n, 1n, 1n])).toEqual([-33n, -33n, -34n]);
    expect(allocateByWeights(5n, [0n, 0n])).toEqual([3n, 2n]);
  });

  it("always adds up to the total, each part within a cent of its exact share", () => {
    fc.assert(
      fc.property(cents, fc.array(weight, { minLength: 1, maxLength: 40 }), (total, weights) => {
        const parts = allocateByWeights(total, weights);
        expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
        const sum = weights.reduce((a, b) => a + b, 0n);
        const ws = sum === 0n ? weights.map(() => 1n) : weights;
        const w = sum === 0n ? BigInt(weights.length) : sum;
        parts.forEach((p, i) => {
          const exactTimesW = total * (ws[i] ?? 0n);
          const diff = p * w - exactTimesW;
          expect(diff < w && diff > -w).toBe(true);
        });
      }),
    );
  });

  it("never gives a zero-weight part anything unless all weights are zero", () => {
    fc.assert(
      fc.property(cents, fc.array(weight, { minLength: 2, maxLength: 20 }), (total, weights) => {
        fc.pre(weights.some((w) => w > 0n));
        const parts = allocateByWeights(total, weights);
        weights.forEach((w, i) => w === 0n && expect(parts[i]).toBe(0n));
      }),
    );
  });

  it("refuses negative weights and empty targets", () => {
    expect(() => allocateByWeights(1n, [])).toThrow();
    expect(() => allocateByWeights(1n, [-1n, 2n])).toThrow();
  });
});

describe("decimalsToCents", () => {
  it("rounds the total half up and hands the missing cents to the largest remainders", () => {
    expect(decimalsToCents(["0.004", "0.004", "0.004"])).toEqual({
      cents: [1n, 0n, 0n],
      totalCents: 1n,
    });
    expect(decimalsToCents(["10.005", "-0.005"])).toEqual({
      cents: [1001n, -1n],
      totalCents: 1000n,
    });
    expect(decimalsToCents([]).totalCents).toBe(0n);
  });

  it("adds up to the exact total rounded to cents, each amount within a cent", () => {
    fc.assert(
      fc.property(fc.array(decimal, { maxLength: 60 }), (amounts) => {
        const { cents: out, totalCents } = decimalsToCents(amounts);
        const exact = amounts.reduce((s, a) => s.plus(a), new Dec(0));
        expect(totalCents).toBe(toCentsHalfUp(exact));
        expect(out.reduce((a, b) => a + b, 0n)).toBe(totalCents);
        out.forEach((c, i) =>
          expect(
            new Dec(c.toString())
              .minus(new Dec(amounts[i] ?? "0").times(100))
              .abs()
              .lt(1),
          ).toBe(true),
        );
      }),
    );
  });
});

describe("formatCents", () => {
  it.each([
    [0n, "0.00"],
    [5n, "0.05"],
    [-5n, "-0.05"],
    [123456n, "1234.56"],
    [-100n, "-1.00"],
  ])("%s → %s", (c, s) => expect(formatCents(c)).toBe(s));

  it("round-trips through toCentsHalfUp", () => {
    fc.assert(fc.property(cents, (c) => toCentsHalfUp(formatCents(c)) === c));
  });
});
