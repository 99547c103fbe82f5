// One KPI value out of the per-OU values of a user scoped to several OU subtrees (disjoint: nested
// scope OUs are dropped before). Ratios re-divide their summed parts, totals add, percentiles cannot.
import { Decimal } from "decimal.js";
import type { TKpiCombine } from "@/lib/api/kpis";

export interface TScopeValue {
  value: string | null;
  numerator: string | null;
  denominator: string | null;
}

export function combineScopeValues(
  values: readonly TScopeValue[],
  combine: TKpiCombine,
): number | null {
  if (values.length === 1) return values[0]?.value == null ? null : Number(values[0].value);
  if (!values.length || combine === "none") return null;
  if (combine === "sum") {
    const present = values.filter((v) => v.value !== null);
    return present.length
      ? present.reduce((s, v) => s.plus(v.value ?? 0), new Decimal(0)).toNumber()
      : null;
  }
  const num = values.reduce((s, v) => s.plus(v.numerator ?? 0), new Decimal(0));
  const den = values.reduce((s, v) => s.plus(v.denominator ?? 0), new Decimal(0));
  return den.gt(0) ? num.div(den).mul(100).toNumber() : null;
}

/** The sample a value is computed over: the denominators of the scope OUs add up (they are disjoint). */
export function combineSamples(values: readonly TScopeValue[]): number | null {
  if (!values.length || values.some((v) => v.denominator === null)) return null;
  return values.reduce((s, v) => s.plus(v.denominator ?? 0), new Decimal(0)).toNumber();
}
