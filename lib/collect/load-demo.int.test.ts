import { describe, expect, it } from "vitest";
import { DEMO_VIOLATIONS, demoRequestProcess } from "@/lib/collect/sources/demo";
import { ORG_ACCOUNT_UNREQUESTED } from "@/lib/domain/checks/org-account-unrequested";
import { KPI, ORG_SCOPE } from "@/lib/domain/kpis";
import { useTestDatabase } from "@/testing/db";
import { loadDemo } from "@/lib/collect/load-demo";

describe("loading the demo with monthly history", () => {
  const t = useTestDatabase();

  it("stores one run per month whose posture improves, ending with exactly today's planted findings", async () => {
    const { db, url } = t;
    const now = new Date("2026-03-18T09:00:00.000Z");
    const started = Date.now();
    const result = await loadDemo(db, url, { now, history: 6 });
    console.log(
      `demo with 6 months of history loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(result.status).not.toBe("failed");

    const runs = await db.collectionRun.findMany({
      orderBy: { startedAt: "asc" },
      select: { status: true },
    });
    expect(runs).toHaveLength(7);
    const open = await db.finding.findMany({
      where: { status: "open" },
      select: { checkId: true, accountId: true },
    });
    const key = (v: { checkId: string; accountId: string | null }) =>
      `${v.checkId} ${v.accountId ?? "-"}`;
    // The planted violations, and the one account created outside the request process.
    const planted = [
      ...DEMO_VIOLATIONS,
      {
        checkId: ORG_ACCOUNT_UNREQUESTED,
        accountId: demoRequestProcess({ now })?.unrequestedAccountId ?? null,
      },
    ];
    expect(open.map(key).toSorted()).toEqual(planted.map(key).toSorted());
    expect(await db.finding.count({ where: { status: "resolved" } })).toBeGreaterThan(3);

    const series = async (kpiId: string) =>
      (
        await db.kpiSnapshot.findMany({
          where: { scopeId: ORG_SCOPE, kpiId },
          orderBy: { at: "asc" },
          select: { at: true, value: true },
        })
      ).map((k) => ({ at: k.at.toISOString(), value: k.value?.toNumber() ?? null }));
    const access = await series(KPI.OPEN_FINDINGS_ACCESS);
    expect(access).toHaveLength(7);
    expect(access.at(-1)?.at).toBe(now.toISOString());
    expect(access[0]?.value ?? 0).toBeGreaterThan(access.at(-1)?.value ?? 0);
    const inOu = await series(KPI.ACCOUNTS_IN_OU_PCT);
    expect(inOu[0]?.value ?? 100).toBeLessThan(inOu.at(-1)?.value ?? 0);
    const roleLogins = await series(KPI.ROLE_BASED_LOGINS_PCT);
    expect(roleLogins[0]?.value ?? 100).toBeLessThan(roleLogins.at(-1)?.value ?? 0);
  }, 120_000);
});
