import { describe, expect, it } from "vitest";
import { generateDemoSnapshot } from "./index";
import { generatePastDemoSnapshot } from "./past-snapshot";

const now = new Date("2026-03-18T09:00:00.000Z");

describe("a past demo snapshot describes today's organization as it was then", () => {
  const today = generateDemoSnapshot({ now });
  const joined = new Map(today.accounts.map((a) => [a.id, a.joinedAt]));

  for (const monthsAgo of [1, 3, 6]) {
    it(`${monthsAgo} months ago: accounts keep today's creation time, none exists before it, no placement predates it`, () => {
      const past = generatePastDemoSnapshot({ now, monthsAgo });
      const at = past.collectedAt;
      expect(past.accounts.length).toBeGreaterThan(0);
      for (const a of past.accounts) {
        expect(a.joinedAt, `${a.name} joined`).toBe(joined.get(a.id));
        expect(a.joinedAt <= at, `${a.name} exists before it was created`).toBe(true);
      }
      const pastJoined = new Map(past.accounts.map((a) => [a.id, a.joinedAt]));
      for (const p of past.placementHistory ?? []) {
        const from = pastJoined.get(p.accountId);
        expect(from, `placement of an account the snapshot does not hold: ${p.accountId}`).toBeDefined();
        expect(p.from >= (from ?? ""), `${p.accountId} placed before it was created`).toBe(true);
        expect(p.to <= at, `${p.accountId} placement ends after the snapshot`).toBe(true);
      }
      const ids = new Set(past.accounts.map((a) => a.id));
      expect((past.audits ?? []).every((x) => ids.has(x.accountId))).toBe(true);
      expect(past.costs.monthly.every((c) => ids.has(c.accountId))).toBe(true);
    });
  }

  it("accounts created in the last months are absent from the older snapshots", () => {
    const past = generatePastDemoSnapshot({ now, monthsAgo: 6 });
    const recent = today.accounts.filter((a) => a.joinedAt > past.collectedAt);
    expect(recent.length).toBeGreaterThan(0);
    const ids = new Set(past.accounts.map((a) => a.id));
    expect(recent.filter((a) => ids.has(a.id)).map((a) => a.name)).toEqual([]);
  });
});
