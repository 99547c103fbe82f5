import { describe, expect, it } from "vitest";
import { diffLines, monthsAdjustedIn, nextOpenMonth } from "./adjustments";

describe("adjustments", () => {
  it("charges only what changed, per cost center and account", () => {
    const issued = [
      { costCenter: "CC-A", accountId: "1", directCents: 100n, sharedCents: 10n },
      { costCenter: "CC-B", accountId: "2", directCents: 50n, sharedCents: 0n },
    ];
    const live = [
      { costCenter: "CC-A", accountId: "1", directCents: 100n, sharedCents: 10n },
      { costCenter: "CC-B", accountId: "2", directCents: 45n, sharedCents: 0n },
      { costCenter: "CC-C", accountId: "3", directCents: 7n, sharedCents: 0n },
    ];
    expect(diffLines(live, issued)).toEqual([
      { costCenter: "CC-B", accountId: "2", directCents: -5n, sharedCents: 0n },
      { costCenter: "CC-C", accountId: "3", directCents: 7n, sharedCents: 0n },
    ]);
    expect(diffLines(issued, issued)).toEqual([]);
  });

  it("lands corrections in the next open month", () => {
    const closed = new Set(["2026-01-01", "2026-02-01", "2026-04-01"]);
    expect(nextOpenMonth("2026-01-01", closed)).toBe("2026-03-01");
    expect(nextOpenMonth("2026-04-01", closed)).toBe("2026-05-01");
    expect(monthsAdjustedIn("2026-03-01", closed)).toEqual(["2026-01-01", "2026-02-01"]);
    expect(monthsAdjustedIn("2026-05-01", closed)).toEqual(["2026-04-01"]);
    expect(monthsAdjustedIn("2026-01-01", closed)).toEqual([]);
  });
});
