import { describe, expect, it } from "vitest";
import { resolvePeriod } from "./period";

const now = new Date("2026-11-28T17:00:00Z");

describe("resolvePeriod", () => {
  it.each([
    [{}, { from: "2026-10-01", to: "2026-10-01", estimated: false }],
    [{ from: "2026-03" }, { from: "2026-03-01", to: "2026-03-01", estimated: false }],
    [{ to: "2026-05" }, { from: "2026-05-01", to: "2026-05-01", estimated: false }],
    [
      { from: "2026-01", to: "2026-11" },
      { from: "2026-01-01", to: "2026-11-01", estimated: true },
    ],
    [
      { from: "2023-12", to: "2026-11" },
      { from: "2023-12-01", to: "2026-11-01", estimated: true },
    ],
  ])("resolves %j", (input, period) => {
    expect(resolvePeriod(input, now)).toEqual({ ok: true, period });
  });

  it.each([
    [{ from: "2026-05", to: "2026-04" }, /start before/],
    [{ from: "2026-12" }, /current month/],
    [{ from: "2023-11", to: "2026-11" }, /36 months/],
  ])("rejects %j", (input, error) => {
    const result = resolvePeriod(input, now);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  it("defaults to December when it is January", () => {
    expect(resolvePeriod({}, new Date("2027-01-01T00:00:00Z"))).toEqual({
      ok: true,
      period: { from: "2026-12-01", to: "2026-12-01", estimated: false },
    });
  });
});
