import { describe, expect, it } from "vitest";
import { formatKpiSample } from "./kpi-sample";

describe("the sample size shown beside a KPI value", () => {
  it.each([
    { sample: 1204, unit: "calls" as const, expected: "1,204 calls" },
    { sample: 1, unit: "calls" as const, expected: "1 call" },
    { sample: 0, unit: "sign-ins" as const, expected: "0 sign-ins" },
    { sample: 57, unit: "member accounts" as const, expected: "57 member accounts" },
    { sample: 1, unit: "accounts" as const, expected: "1 account" },
    { sample: 48210.4, unit: "usd" as const, expected: "of $48,210" },
    { sample: null, unit: "calls" as const, expected: null },
    { sample: 12, unit: null, expected: null },
  ])("$sample $unit → $expected", ({ sample, unit, expected }) => {
    expect(formatKpiSample(sample, unit)).toBe(expected);
  });
});
