import { describe, expect, it } from "vitest";
import { DEMO_VIOLATIONS, demoRequestProcess } from "@/lib/collect/sources/demo";
import { ORG_ACCOUNT_UNREQUESTED } from "@/lib/domain/checks/org-account-unrequested";
import { checkDefinition } from "@/lib/domain/checks";
import { KPI, ORG_SCOPE } from "@/lib/domain/kpis";
import { useTestDatabase } from "@/testing/db";
import { loadDemo } from "@/lib/collect/load-demo";

describe("evaluating the demo organization through the store", () => {
  const t = useTestDatabase();

  it("stores exactly the planted findings, and the same ones again on a second run", async () => {
    const { db, url } = t;
    const now = new Date("2026-03-18T09:00:00.000Z");
    const first = await loadDemo(db, url, { now });
    expect(first.status).toBe("partial");
    const stored = await db.finding.findMany({
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
    expect(stored.map(key).toSorted()).toEqual(planted.map(key).toSorted());

    const second = await loadDemo(db, url, { now: new Date("2026-03-19T09:00:00.000Z") });
    expect(second.summary).toMatchObject({
      findings: { opened: {}, resolved: {}, reopened: {}, open: planted.length },
    });
    const kpis = await db.kpiSnapshot.findMany({
      where: { scopeId: ORG_SCOPE, kpiId: KPI.OPEN_FINDINGS_ACCESS },
      orderBy: { at: "asc" },
    });
    const access = DEMO_VIOLATIONS.filter(
      (v) => checkDefinition(v.checkId)?.category === "identity-access",
    ).length;
    expect(kpis.map((k) => k.value?.toNumber())).toEqual([access, access]);
  });
});
