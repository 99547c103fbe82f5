import { describe, expect, it } from "vitest";
import { loadDemo } from "@/lib/collect/load-demo";
import { runCollection } from "@/lib/collect/run";
import { generateDemoSnapshot } from "@/lib/collect/sources/demo";
import { useTestDatabase } from "@/testing/db";

const EARLY_PLACEMENTS = `
  SELECT a.name, a.joined_at, min(p.valid_from) AS placed
  FROM account a JOIN account_placement p ON p.account_id = a.id
  GROUP BY a.id HAVING min(p.valid_from) < a.joined_at`;

describe("account placements never start before the account was created", () => {
  describe("the demo loaded with monthly history", () => {
    const t = useTestDatabase();

    it("places every account in its first OU no earlier than its Joined date", async () => {
      const result = await loadDemo(t.db, t.url, {
        now: new Date("2026-03-18T09:00:00.000Z"),
        history: 3,
        evaluate: false,
      });
      expect(result.status).not.toBe("failed");
      expect(await t.db.$queryRawUnsafe(EARLY_PLACEMENTS)).toEqual([]);
      expect(await t.db.accountPlacement.count()).toBeGreaterThan(await t.db.account.count());
    }, 180_000);
  });

  describe("a source whose known history starts before the account joined", () => {
    const t = useTestDatabase();

    it("records the history from the joining on, dropping what ended before it", async () => {
      const now = new Date("2026-03-18T09:00:00.000Z");
      const snap = generateDemoSnapshot({ now });
      const moved = snap.placementHistory?.[0];
      if (!moved) throw new Error("the demo has a moved account");
      const account = snap.accounts.find((a) => a.id === moved.accountId);
      if (!account) throw new Error("the moved account exists");
      const joined = Date.parse(account.joinedAt);
      const day = 86_400_000;
      // An OU it supposedly left before joining, and a first placement that starts a day early.
      const before = {
        accountId: moved.accountId,
        parentId: account.parentId,
        from: new Date(joined - 30 * day).toISOString(),
        to: new Date(joined - 20 * day).toISOString(),
      };
      const early = { ...moved, from: new Date(joined - day).toISOString() };
      const placementHistory = [before, early, ...(snap.placementHistory ?? []).slice(1)];
      const result = await runCollection(t.db, t.url, {
        source: "demo",
        produce: () => Promise.resolve({ ...snap, placementHistory }),
      });
      expect(result.status).not.toBe("failed");
      const rows = await t.db.accountPlacement.findMany({
        where: { accountId: moved.accountId },
        orderBy: { validFrom: "asc" },
        select: { ouId: true, validFrom: true },
      });
      expect(rows.map((r) => r.ouId)).toEqual([moved.parentId, account.parentId]);
      expect(rows[0]?.validFrom.toISOString()).toBe(new Date(joined).toISOString());
      expect(await t.db.$queryRawUnsafe(EARLY_PLACEMENTS)).toEqual([]);
    }, 120_000);
  });
});
