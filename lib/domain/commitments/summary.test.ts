import { describe, expect, it } from "vitest";
import {
  expiringCommitments,
  expiryCounts,
  pct,
  summarizeMonths,
  type TCoverageRow,
  type TUsageRow,
} from "./summary";

const cov = (
  accountId: string,
  month: string,
  kind: TCoverageRow["kind"],
  covered: string,
  total: string,
  onDemandCost: string,
): TCoverageRow => ({ accountId, month, kind, covered, total, onDemandCost });

const use = (
  commitmentId: string,
  month: string,
  commitment: string,
  used: string,
  endsAt: string | null,
  kind: TUsageRow["kind"] = "savings_plan",
): TUsageRow => ({
  commitmentId,
  month,
  kind,
  accountId: "111111111111",
  description: "",
  commitment,
  used,
  unused: (Number(commitment) - Number(used)).toFixed(2),
  endsAt,
});

describe("summarizeMonths", () => {
  it("sums accounts and commitments exactly and divides once per month and kind", () => {
    const months = summarizeMonths(
      [
        cov("111111111111", "2025-05-01", "savings_plan", "0.1", "0.3", "0.2"),
        cov("222222222222", "2025-05-01", "savings_plan", "0.2", "0.3", "0.1"),
        cov("111111111111", "2025-05-01", "reserved_instance", "1440", "2160", "123.45"),
        cov("111111111111", "2025-04-01", "savings_plan", "70", "100", "30"),
      ],
      [use("a", "2025-05-01", "730", "700.25", null), use("b", "2025-05-01", "365", "350", null)],
    );
    expect(months.map((m) => [m.month, m.kind])).toEqual([
      ["2025-04-01", "savings_plan"],
      ["2025-05-01", "reserved_instance"],
      ["2025-05-01", "savings_plan"],
    ]);
    const may = months[2];
    // 0.1 + 0.2 is exactly 0.3 here (no float drift), so coverage is exactly 50%.
    expect(may).toMatchObject({
      covered: "0.3",
      total: "0.6",
      coveragePct: "50.00",
      onDemandCost: "0.3",
      commitment: "1095",
      used: "1050.25",
      unused: "44.75",
      utilizationPct: "95.91",
    });
    expect(months[1]).toMatchObject({ coveragePct: "66.67", utilizationPct: null });
  });

  it("reports no percentage where nothing eligible ran (not 0%)", () => {
    expect(pct("0", "0")).toBeNull();
    expect(
      summarizeMonths([cov("1", "2025-05-01", "savings_plan", "0", "0", "0")], [])[0],
    ).toMatchObject({
      coveragePct: null,
      utilizationPct: null,
    });
  });
});

describe("expiringCommitments", () => {
  const now = new Date("2025-06-15T00:00:00Z");

  it("puts each commitment in the smallest 30/60/90-day window of its latest month's end", () => {
    const rows = [
      use("soon", "2025-05-01", "10", "10", "2025-07-01T00:00:00.000Z"),
      use("soon", "2025-06-01", "12", "10", "2025-07-01T00:00:00.000Z"),
      use("later", "2025-06-01", "20", "10", "2025-08-10T00:00:00.000Z"),
      use("edge", "2025-06-01", "30", "10", "2025-09-13T00:00:00.000Z"),
      use("far", "2025-06-01", "40", "10", "2026-06-01T00:00:00.000Z"),
      use("over", "2025-06-01", "50", "10", "2025-06-01T00:00:00.000Z"),
      use("open", "2025-06-01", "60", "10", null),
    ];
    const out = expiringCommitments(rows, now);
    expect(out.map((e) => [e.commitmentId, e.window, e.daysLeft, e.commitment])).toEqual([
      ["soon", 30, 16, "12"],
      ["later", 60, 56, "20"],
      ["edge", 90, 90, "30"],
    ]);
    expect(expiryCounts(out)).toEqual({ 30: 1, 60: 2, 90: 3 });
  });

  it("does not count a commitment that ended before now or ends in more than 90 days (look-alikes)", () => {
    const out = expiringCommitments(
      [
        use("ended", "2025-06-01", "1", "1", "2025-06-14T23:59:59.000Z"),
        use("day91", "2025-06-01", "1", "1", "2025-09-14T00:00:01.000Z"),
      ],
      now,
    );
    expect(out).toEqual([]);
  });
});
