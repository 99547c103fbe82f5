import { beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "@/lib/collect/load-demo";
import { REQUEST_STATUSES } from "@/lib/domain/requests/state-machine";
import { getBudgets } from "@/lib/server/budgets/get-budgets";
import { syncAccountRequests } from "@/lib/server/requests/sync-account-requests";
import { useTestDatabase } from "@/testing/db";

const now = new Date("2026-03-18T09:00:00.000Z");

describe("the demo's OrgLens data: budgets and account requests", () => {
  const t = useTestDatabase();
  beforeAll(async () => {
    expect((await loadDemo(t.db, t.url, { now })).status).not.toBe("failed");
  }, 180_000);

  it("plants account requests in every state, provisioned ones naming demo accounts created when they were provisioned", async () => {
    const requests = await t.db.accountRequest.findMany({ orderBy: { requestedAt: "asc" } });
    expect(new Set(requests.map((r) => r.status))).toEqual(new Set(REQUEST_STATUSES));
    for (const r of requests) {
      const times = [r.requestedAt, r.decidedAt, r.provisionedAt, r.compliantAt].flatMap((d) =>
        d ? [d.getTime()] : [],
      );
      expect(times, `${r.name}: timeline in order and not in the future`).toEqual(
        times.toSorted((a, b) => a - b),
      );
      expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
      if (r.status === "requested") expect([r.decidedAt, r.accountId]).toEqual([null, null]);
      if (r.status === "rejected") expect(r.decisionNote).toBeTruthy();
    }
    const linked = requests.filter((r) => r.status === "provisioned" || r.status === "compliant");
    expect(linked.length).toBeGreaterThanOrEqual(2);
    for (const r of linked) {
      const account = await t.db.account.findUniqueOrThrow({ where: { id: r.accountId ?? "" } });
      const creation = await t.db.accountCreation.findFirstOrThrow({
        where: { accountId: account.id, state: "SUCCEEDED" },
      });
      expect(account.name).toBe(r.name);
      expect(r.provisionedAt?.toISOString()).toBe(account.joinedAt.toISOString());
      expect(creation.completedAt?.toISOString()).toBe(account.joinedAt.toISOString());
      expect(r.targetOuId).toBe(account.ouId);
    }
  });

  it("is what OrgLens's own request sync would leave as it is", async () => {
    const before = await t.db.accountRequest.findMany({ orderBy: { id: "asc" } });
    expect(await syncAccountRequests(t.db)).toEqual({ provisioned: 0, compliant: 0 });
    expect(await t.db.accountRequest.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("plants OrgLens budgets on an OU, a cost center and an account, each with a forecast from daily cost", async () => {
    const list = await getBudgets(t.db, { ouIds: null }, now);
    expect(list.budgets.map((b) => b.scopeType).toSorted()).toEqual([
      "account",
      "costCenter",
      "ou",
      "ou",
    ]);
    for (const b of list.budgets) {
      expect(b.monthlyAmount).toBeGreaterThan(0);
      expect(b.monthToDate).toBeGreaterThan(0);
      expect(b.forecast).toBeGreaterThanOrEqual(b.monthToDate);
      expect(b.method).toBe("seasonal-share");
    }
    expect(new Set(list.budgets.map((b) => b.status)).size).toBeGreaterThan(1);
    expect(list.awsBudgets.length).toBeGreaterThan(0);
    expect(list.awsBudgets.every((r) => r.orglensForecast !== null && r.orglensForecast > 0)).toBe(
      true,
    );
  });
});
