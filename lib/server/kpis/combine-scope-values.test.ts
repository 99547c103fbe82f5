import { describe, expect, it } from "vitest";
import { combineSamples, combineScopeValues } from "./combine-scope-values";

const v = (
  value: string | null,
  numerator: string | null = null,
  denominator: string | null = null,
) => ({ value, numerator, denominator });

describe("combining the KPI values of several OU subtrees", () => {
  it.each([
    {
      name: "one scope keeps its stored value",
      values: [v("12.5", "1", "8")],
      combine: "none" as const,
      expected: 12.5,
    },
    {
      name: "ratios re-divide the summed parts",
      values: [v("50", "1", "2"), v("100", "6", "6")],
      combine: "ratio" as const,
      expected: 87.5,
    },
    {
      name: "ratios with nothing measured are null",
      values: [v(null, "0", "0"), v(null, "0", "0")],
      combine: "ratio" as const,
      expected: null,
    },
    { name: "totals add up", values: [v("3"), v("4")], combine: "sum" as const, expected: 7 },
    {
      name: "percentiles cannot be combined",
      values: [v("3"), v("4")],
      combine: "none" as const,
      expected: null,
    },
    { name: "no scope rows at all", values: [], combine: "sum" as const, expected: null },
  ])("$name", ({ values, combine, expected }) => {
    expect(combineScopeValues(values, combine)).toBe(expected);
  });
});

describe("combining the sample sizes of several OU subtrees", () => {
  it.each([
    { name: "one scope keeps its denominator", values: [v("72", "864", "1204")], expected: 1204 },
    {
      name: "disjoint scopes add up",
      values: [v("50", "1", "2"), v("100", "6", "6")],
      expected: 8,
    },
    {
      name: "a scope without a denominator has no sample",
      values: [v("3"), v("4", null, "2")],
      expected: null,
    },
    { name: "no scope rows at all", values: [], expected: null },
  ])("$name", ({ values, expected }) => {
    expect(combineSamples(values)).toBe(expected);
  });
});
