import { describe, expect, it } from "vitest";
import { joinCostPages, nextCostOffset, type TCostReport } from "./costs";

const group = (key: string, total: string) => ({ key, label: key, values: [total], total });
const report = (offset: number, keys: string[], groupCount: number): TCostReport => ({
  query: {
    groupBy: "account",
    metric: "unblended",
    granularity: "monthly",
    from: "2026-01-01",
    to: "2026-01-01",
    ou: null,
    ouAt: "month",
    account: null,
    chargeType: null,
    region: null,
  },
  periods: [{ key: "2026-01-01", estimated: false }],
  groups: keys.map((k) => group(k, "1")),
  page: { offset, limit: 2, groupCount },
  totals: { values: [String(groupCount)], total: String(groupCount) },
  filters: { ou: null, account: null },
});

describe("paged showback answers", () => {
  it("asks for the next page until every group is loaded", () => {
    expect(nextCostOffset(report(0, ["a", "b"], 5))).toBe(2);
    expect(nextCostOffset(report(2, ["c", "d"], 5))).toBe(4);
    expect(nextCostOffset(report(4, ["e"], 5))).toBeUndefined();
    // A page past the end (groups gone since the first page) stops rather than looping.
    expect(nextCostOffset(report(6, [], 5))).toBeUndefined();
  });

  it("joins pages in order under the first page's totals", () => {
    const joined = joinCostPages([report(0, ["a", "b"], 3), report(2, ["c"], 3)]);
    expect(joined?.groups.map((g) => g.key)).toEqual(["a", "b", "c"]);
    expect(joined?.totals.total).toBe("3");
    expect(joined?.page.groupCount).toBe(3);
    expect(joinCostPages([])).toBeUndefined();
  });

  it("lists a group once when changed data moved it onto the next page too", () => {
    const joined = joinCostPages([report(0, ["a", "b"], 4), report(2, ["b", "c"], 4)]);
    expect(joined?.groups.map((g) => g.key)).toEqual(["a", "b", "c"]);
  });
});
