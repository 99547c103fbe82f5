import { describe, expect, it } from "vitest";
import { addMonths, monthRange, monthsInRange } from "./months";

describe("monthsInRange", () => {
  it("counts both ends, across years", () => {
    expect(monthsInRange("2025-11-01", "2026-02-01")).toBe(4);
    expect(monthsInRange("2023-09-01", "2026-10-01")).toBe(38);
  });

  it("is one for a single month and zero for an inverted range", () => {
    expect(monthsInRange("2026-02-01", "2026-02-01")).toBe(1);
    expect(monthsInRange("2026-03-01", "2026-02-01")).toBe(0);
  });

  it("agrees with monthRange's length", () => {
    for (const [from, n] of [
      ["2024-12-01", 1],
      ["2025-01-01", 13],
      ["2023-06-01", 40],
    ] as const) {
      const to = addMonths(from, n - 1);
      expect(monthsInRange(from, to)).toBe(monthRange(from, to).length);
    }
  });
});
