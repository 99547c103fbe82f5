// The Commitments read model over the demo as the loader stores it: figures as summed from the
// stored rows, the KPI history written with the run, and a scoped caller who must not see another
// OU's accounts or the plans bought outside their OUs.
import { beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "@/lib/collect/load-demo";
import { UNSCOPED } from "@/lib/domain/access";
import { KPI, ORG_SCOPE } from "@/lib/domain/kpis";
import { useTestDatabase } from "@/testing/db";
import { getCommitments } from "./get-commitments";

const NOW = new Date("2026-03-18T09:00:00.000Z");

describe("getCommitments on the demo", () => {
  const t = useTestDatabase();
  beforeAll(async () => {
    const result = await loadDemo(t.db, t.url, { now: NOW });
    expect(result.status).not.toBe("failed");
  }, 300_000);

  it("shows the last full month's coverage and the plan ending within 60 days to an unscoped caller", async () => {
    const view = await getCommitments(t.db, UNSCOPED, { months: 12 }, NOW);
    expect(view.lastMonth).toBe("2026-02-01");
    const sp = view.months.find((m) => m.month === "2026-02-01" && m.kind === "savings_plan");
    const stored = await t.db.commitmentCoverage.aggregate({
      where: { month: new Date("2026-02-01T00:00:00Z"), kind: "savings_plan" },
      _sum: { covered: true, total: true },
    });
    expect(sp?.covered).toBe(stored._sum.covered?.toString());
    expect(Number(sp?.coveragePct)).toBeGreaterThanOrEqual(60);
    expect(view.expiringCounts).toEqual({ 30: 0, 60: 1, 90: 1 });
    expect(view.status.map((s) => s.status)).toEqual(["ok", "ok"]);

    const kpi = await t.db.kpiSnapshot.findFirstOrThrow({
      where: { scopeId: ORG_SCOPE, kpiId: KPI.COMMITMENT_COVERAGE_PCT },
      orderBy: { at: "desc" },
    });
    expect(kpi.value?.toFixed(2)).toBe(sp?.coveragePct);
  });

  it("keeps a scoped caller to the accounts under their OU (the attack: another OU's rows must not show)", async () => {
    const ous = await t.db.orgUnit.findMany({
      where: { parentId: { not: null } },
      select: { id: true, pathIds: true },
    });
    const all = await getCommitments(t.db, UNSCOPED, { months: 12 }, NOW);
    // An OU holding some, not all, of the accounts with coverage.
    let chosen: { ou: string; ids: Set<string> } | null = null;
    for (const ou of ous) {
      const ids = new Set(
        (
          await t.db.account.findMany({
            where: { ou: { pathIds: { has: ou.id } } },
            select: { id: true },
          })
        ).map((a) => a.id),
      );
      const inside = all.accounts.filter((a) => ids.has(a.accountId)).length;
      if (inside > 0 && inside < all.accounts.length) {
        chosen = { ou: ou.id, ids };
        break;
      }
    }
    expect(chosen).not.toBeNull();
    const { ou, ids } = chosen ?? { ou: "", ids: new Set<string>() };
    const scoped = await getCommitments(t.db, { ouIds: [ou] }, { months: 12 }, NOW);
    expect(scoped.accounts.length).toBeGreaterThan(0);
    expect(scoped.accounts.length).toBeLessThan(all.accounts.length);
    for (const a of scoped.accounts) expect(ids.has(a.accountId)).toBe(true);
    for (const e of scoped.expiring) expect(ids.has(e.accountId)).toBe(true);
    // The management account's plans are not this OU's: nothing expiring, no foreign commitment in the sums.
    const management = (await t.db.organization.findFirstOrThrow()).managementAccountId;
    expect(ids.has(management)).toBe(false);
    expect(scoped.expiring.map((e) => e.accountId)).not.toContain(management);
    const scopedSp = scoped.months.find(
      (m) => m.month === "2026-02-01" && m.kind === "savings_plan",
    );
    const allSp = all.months.find((m) => m.month === "2026-02-01" && m.kind === "savings_plan");
    expect(Number(scopedSp?.total)).toBeLessThan(Number(allSp?.total));
    expect(scopedSp?.commitment).toBe("0");
  });
});
