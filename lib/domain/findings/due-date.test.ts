import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import { defaultDueAt, isOverdue, resolveDueAt } from "./due-date";

const days = DEFAULT_SETTINGS.findingDueDays;
const opened = new Date("2026-01-01T00:00:00Z");

describe("finding due dates", () => {
  it("counts the severity's days from when the finding opened", () => {
    expect(defaultDueAt("critical", opened, days).toISOString()).toBe("2026-01-08T00:00:00.000Z");
    expect(defaultDueAt("high", opened, days).toISOString()).toBe("2026-01-31T00:00:00.000Z");
    expect(defaultDueAt("low", opened, { ...days, low: 1 }).toISOString()).toBe(
      "2026-01-02T00:00:00.000Z",
    );
  });

  it("defaults become stricter with severity", () => {
    expect(days.critical).toBeLessThan(days.high);
    expect(days.high).toBeLessThan(days.medium);
    expect(days.medium).toBeLessThan(days.low);
  });

  it("takes an explicit date over the default, and clears the date with the owner", () => {
    const explicit = new Date("2026-06-30T23:59:59.999Z");
    const base = { severity: "critical" as const, firstSeenAt: opened, dueDays: days };
    expect(resolveDueAt({ ...base, owner: "a@x.example", explicit })).toEqual(explicit);
    expect(resolveDueAt({ ...base, owner: "a@x.example", explicit: null })?.toISOString()).toBe(
      "2026-01-08T00:00:00.000Z",
    );
    expect(resolveDueAt({ ...base, owner: null, explicit })).toBeNull();
  });

  it("is overdue only when open, not muted and past due", () => {
    const now = new Date("2026-02-01T00:00:00Z");
    const past = new Date("2026-01-15T00:00:00Z");
    const future = new Date("2026-03-01T00:00:00Z");
    expect(isOverdue({ status: "open", mutedUntil: null, dueAt: past }, now)).toBe(true);
    // Look-alikes: not yet due, resolved, muted, no due date, a mute that already ran out.
    expect(isOverdue({ status: "open", mutedUntil: null, dueAt: future }, now)).toBe(false);
    expect(isOverdue({ status: "resolved", mutedUntil: null, dueAt: past }, now)).toBe(false);
    expect(isOverdue({ status: "open", mutedUntil: future, dueAt: past }, now)).toBe(false);
    expect(isOverdue({ status: "open", mutedUntil: null, dueAt: null }, now)).toBe(false);
    expect(isOverdue({ status: "open", mutedUntil: past, dueAt: past }, now)).toBe(true);
  });
});
