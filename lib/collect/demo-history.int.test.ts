// The demo's history as a user sees it: runs dated over the six months they stand for, the planted
// failed audit on today's run only, and account creations whose time to compliance the KPIs show.
import { describe, expect, it } from "vitest";
import { KPI_ORDER } from "@/lib/api/kpis";
import { KPI, ORG_SCOPE } from "@/lib/domain/kpis";
import { useTestDatabase } from "@/testing/db";
import { loadDemo } from "@/lib/collect/load-demo";

describe("the demo's history", () => {
  const t = useTestDatabase();

  it("dates the runs months apart, fails an audit only today, and gives time to a compliant account a value and a trend", async () => {
    const { db, url } = t;
    const now = new Date("2026-03-18T09:00:00.000Z");
    const result = await loadDemo(db, url, { now, history: 6 });
    expect(result.status).toBe("partial");

    const runs = await db.collectionRun.findMany({
      orderBy: { startedAt: "asc" },
      select: { startedAt: true, status: true, accountsFailed: true },
    });
    expect(runs.map((r) => r.startedAt.toISOString().slice(0, 10))).toEqual([
      "2025-09-18",
      "2025-10-18",
      "2025-11-18",
      "2025-12-18",
      "2026-01-18",
      "2026-02-18",
      "2026-03-18",
    ]);
    expect(runs.map((r) => r.status)).toEqual([...Array<string>(6).fill("succeeded"), "partial"]);
    expect(runs.map((r) => r.accountsFailed)).toEqual([0, 0, 0, 0, 0, 0, 1]);

    const series = async (kpiId: string) =>
      (
        await db.kpiSnapshot.findMany({
          where: { scopeId: ORG_SCOPE, kpiId },
          orderBy: { at: "asc" },
          select: { value: true, denominator: true, detail: true },
        })
      ).map((k) => ({
        value: k.value?.toNumber() ?? null,
        n: k.denominator?.toNumber() ?? null,
        detail: k.detail,
      }));
    const median = await series(KPI.TIME_TO_COMPLIANT_MEDIAN_HOURS);
    // Planted: created 6 h, 20 h and 52 h before the run that found them clean, and one 8 h before a
    // run that found its root user without MFA (fixed by the next run, a month later: 752 h). Plus a
    // sandbox the generator dates 25 days back, first audited by today's run (about 602 h).
    expect(median.at(-1)).toMatchObject({ value: 52, n: 5, detail: { accounts: 5, pending: 0 } });
    expect(median.filter((p) => p.value !== null).length).toBeGreaterThanOrEqual(5);
    // The month it was blocked, that account was pending.
    expect(median.at(-3)).toMatchObject({ detail: { pending: 1 } });
    expect((await series(KPI.TIME_TO_COMPLIANT_P90_HOURS)).at(-1)?.value).toBeGreaterThan(52);
    // Approved 30 h, 19 h and 40 h before those creations.
    expect((await series(KPI.TIME_TO_COMPLIANT_FROM_APPROVAL_MEDIAN_HOURS)).at(-1)).toMatchObject({
      value: 46,
      n: 3,
    });

    // Every KPI tile of the overview has a value on the demo.
    const latest = await db.kpiSnapshot.findMany({
      where: { scopeId: ORG_SCOPE, runId: result.runId },
      select: { kpiId: true, value: true },
    });
    expect(KPI_ORDER.filter((id) => latest.find((k) => k.kpiId === id)?.value == null)).toEqual([]);
  }, 180_000);
});
