import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chartData, OTHER_KEY } from "./chart";
import { compareDecimals, normalizeDecimal, shareOf, sumDecimals } from "./decimal";
import {
  formatGroupBy,
  groupByNoun,
  groupByTitle,
  groupLabel,
  ouDisplayPath,
  parseGroupBy,
} from "./group-by";
import { defaultWindow, lastDayOf, resolveWindow } from "./period";
import { alignCells, buildGrid } from "./pivot";

const Wide = Decimal.clone({ precision: 80, toExpNeg: -80, toExpPos: 80 });

/** n × 10^-scale written out, e.g. (-1234n, 2) → "-12.34". */
function fromScaledForTest(n: bigint, scale: number): string {
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString().padStart(scale + 1, "0");
  const int = digits.slice(0, digits.length - scale);
  return `${neg ? "-" : ""}${int}${scale ? `.${digits.slice(digits.length - scale)}` : ""}`;
}

describe("decimal sums", () => {
  it("adds numeric(20,10) amounts without losing a digit", () => {
    expect(sumDecimals(["0.1", "0.2"])).toBe("0.3");
    expect(sumDecimals(["9999999999.9999999999", "0.0000000001"])).toBe("10000000000");
    expect(sumDecimals(Array.from({ length: 5000 }, () => "1234567.1234567891"))).toBe(
      "6172835617.2839455",
    );
    expect(sumDecimals([])).toBe("0");
    expect(sumDecimals(["-5", "2.5"])).toBe("-2.5");
    expect(sumDecimals(["-0.25", "0.25"])).toBe("0");
    expect(sumDecimals(["0.05", "-0.1"])).toBe("-0.05");
    expect(() => sumDecimals(["1e5"])).toThrow(RangeError);
  });

  it("agrees with decimal.js on random amounts", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
            fc.integer({ min: 0, max: 10 }),
          ),
          { maxLength: 30 },
        ),
        (raw) => {
          const values = raw.map(([n, scale]) => fromScaledForTest(n, scale));
          return sumDecimals(values) === values.reduce((a, v) => a.plus(v), new Wide(0)).toFixed();
        },
      ),
    );
  });

  it("normalizes, compares and divides", () => {
    expect(normalizeDecimal("12.5000000000")).toBe("12.5");
    expect(normalizeDecimal("0.0000000000")).toBe("0");
    expect(compareDecimals("10", "9.99")).toBe(1);
    expect(shareOf("1", "3")).toBe("0.333333");
    expect(shareOf("1", "0")).toBeNull();
  });
});

describe("group by", () => {
  it.each([
    "account",
    "ou",
    "ou-today",
    "service",
    "cost-center",
    "charge-type",
    "region",
    "tag:cost-center",
    "tag:a:b",
  ])("round-trips %s", (g) => {
    const parsed = parseGroupBy(g);
    expect(parsed).not.toBeNull();
    if (parsed) expect(formatGroupBy(parsed)).toBe(g);
  });

  it.each(["", "tag:", "regions", "RECORD_TYPE", `tag:${"k".repeat(129)}`, "Account"])(
    "refuses %j",
    (g) => {
      expect(parseGroupBy(g)).toBeNull();
    },
  );

  it("labels spend without a region as its own bucket, charge types as Cost Explorer names them", () => {
    expect(groupLabel({ kind: "region" }, "", null)).toBe("(no region)");
    expect(groupLabel({ kind: "region" }, "eu-west-1", null)).toBe("eu-west-1");
    expect(groupLabel({ kind: "charge-type" }, "SavingsPlanRecurringFee", null)).toBe(
      "SavingsPlanRecurringFee",
    );
  });

  it("labels blanks as the untagged and unallocated buckets, OUs by path without the root", () => {
    expect(groupLabel({ kind: "tag", tagKey: "team" }, "", null)).toBe("(untagged)");
    expect(groupLabel({ kind: "cost-center" }, "", null)).toBe("unallocated");
    expect(groupLabel({ kind: "ou" }, "ou-1", "Root/Workloads/Prod")).toBe("Workloads/Prod");
    expect(groupLabel({ kind: "ou-today" }, "r-1", "Root")).toBe("Root");
    expect(groupLabel({ kind: "ou" }, "", null)).toBe("(outside the organization)");
    expect(groupLabel({ kind: "account" }, "123456789012", null)).toBe("123456789012");
    expect(ouDisplayPath("Root/A")).toBe("A");
    expect(groupByTitle({ kind: "tag", tagKey: "team" })).toBe("Tag: team");
    expect(groupByNoun({ kind: "tag", tagKey: "team" })).toBe("tag team");
    expect(groupByNoun({ kind: "ou-today" })).toBe("OU (as of today)");
    expect(groupByNoun({ kind: "cost-center" })).toBe("cost center");
  });
});

describe("period window", () => {
  const now = new Date("2026-11-28T10:00:00Z");

  it("defaults to the last 12 full months and the current month", () => {
    expect(defaultWindow(now)).toEqual({ from: "2025-11-01", to: "2026-11-01" });
    expect(resolveWindow({}, now)).toEqual({ from: "2025-11-01", to: "2026-11-01" });
    expect(resolveWindow({ to: "2026-06" }, now)).toEqual({ from: "2025-06-01", to: "2026-06-01" });
    expect(resolveWindow({ from: "2026-01", to: "2026-03" }, now)).toEqual({
      from: "2026-01-01",
      to: "2026-03-01",
    });
  });

  it("refuses inverted and over-long windows", () => {
    expect(resolveWindow({ from: "2026-05", to: "2026-01" }, now)).toHaveProperty("error");
    expect(resolveWindow({ from: "2020-01", to: "2026-01" }, now)).toHaveProperty("error");
    expect(resolveWindow({ from: "2023-09", to: "2026-10" }, now)).not.toHaveProperty("error");
  });

  it("knows month ends, leap years included", () => {
    expect(lastDayOf("2024-02-01")).toBe("2024-02-29");
    expect(lastDayOf("2026-12-01")).toBe("2026-12-31");
  });
});

describe("grid", () => {
  const periods = ["2026-01-01", "2026-02-01", "2026-03-01"];

  it("fills periods without spend with zero", () => {
    expect(alignCells(periods, { periods: ["2026-02-01"], amounts: ["5.5000000000"] })).toEqual([
      "0",
      "5.5",
      "0",
    ]);
  });

  it("takes the query's exact row total when it has one", () => {
    const grid = buildGrid(periods, [
      { key: "a", label: "A", periods: ["2026-01-01"], amounts: ["1.10"], total: "1.1000" },
    ]);
    expect(grid.groups[0]).toEqual({
      key: "a",
      label: "A",
      values: ["1.1", "0", "0"],
      total: "1.1",
    });
  });

  it("totals rows, columns and the grand total exactly", () => {
    const grid = buildGrid(periods, [
      { key: "a", label: "A", periods: ["2026-01-01", "2026-03-01"], amounts: ["0.1", "0.2"] },
      { key: "b", label: "B", periods: ["2026-01-01", "2026-02-01"], amounts: ["0.2", "1"] },
    ]);
    expect(grid.groups.map((g) => g.total)).toEqual(["0.3", "1.2"]);
    expect(grid.totals).toEqual({ values: ["0.3", "1", "0.2"], total: "1.5" });
  });
});

describe("chart data", () => {
  const periods = ["2026-01-01", "2026-02-01"];
  const groups = [
    { key: "small", label: "Small", values: ["1", "1"], total: "2" },
    { key: "big", label: "Big", values: ["10", "20"], total: "30" },
    { key: "mid", label: "Mid", values: ["5", "5"], total: "10" },
    { key: "tiny", label: "Tiny", values: ["0.5", "0.25"], total: "0.75" },
  ];

  it("keeps the top N groups by total and folds the rest into Other", () => {
    const { series, rows } = chartData(periods, groups, 2);
    expect(series).toEqual([
      { key: "s0", label: "Big" },
      { key: "s1", label: "Mid" },
      { key: OTHER_KEY, label: "Other (2)" },
    ]);
    expect(rows).toEqual([
      { period: "2026-01-01", s0: 10, s1: 5, [OTHER_KEY]: 1.5 },
      { period: "2026-02-01", s0: 20, s1: 5, [OTHER_KEY]: 1.25 },
    ]);
  });

  it("shows a single leftover group under its own name and needs no Other when all fit", () => {
    expect(chartData(periods, groups, 3).series.at(-1)).toEqual({ key: OTHER_KEY, label: "Tiny" });
    expect(chartData(periods, groups, 10).series.map((s) => s.key)).not.toContain(OTHER_KEY);
  });

  it("with only a page of groups loaded, Other is every group's total less the top ones, and counts them all", () => {
    // Every group's totals per period: the four above plus 96 groups not loaded, 0.01 a month each.
    const all = { values: ["17.46", "27.21"], count: 100 };
    const { series, rows } = chartData(periods, groups, 2, all);
    expect(series.at(-1)).toEqual({ key: OTHER_KEY, label: "Other (98)" });
    expect(rows).toEqual([
      { period: "2026-01-01", s0: 10, s1: 5, [OTHER_KEY]: 2.46 },
      { period: "2026-02-01", s0: 20, s1: 5, [OTHER_KEY]: 2.21 },
    ]);
    // Everything loaded: the same as summing the rest.
    const loaded = { values: ["16.5", "26.25"], count: 4 };
    expect(chartData(periods, groups, 2, loaded)).toEqual(chartData(periods, groups, 2));
  });
});
