// The sample size a KPI tile shows is the stored denominator of the latest run: the org's for an
// unscoped caller, the sum over the scope OUs (disjoint subtrees) for a scoped one.
import { describe, expect, it } from "vitest";
import { runCollection } from "@/lib/collect/run";
import { evaluateRun } from "@/lib/collect/evaluate";
import { OU, baselineSnapshot } from "@/testing/checks/fixtures";
import { KPI, ORG_SCOPE } from "@/lib/domain/kpis";
import { useTestDatabase } from "@/testing/db";
import { getKpis } from "./get-kpis";

describe("getKpis: the sample behind each value", () => {
  const t = useTestDatabase();

  it("is the stored denominator for shares, summed over scope OUs, and null for counts", async () => {
    const snap = baselineSnapshot();
    const now = new Date(snap.collectedAt);
    await runCollection(t.db, t.url, {
      source: "demo",
      produce: () => Promise.resolve(snap),
      evaluate: evaluateRun,
    });
    const stored = async (kpiId: string, scopeId: string) =>
      (
        await t.db.kpiSnapshot.findFirstOrThrow({ where: { kpiId, scopeId } })
      ).denominator?.toNumber() ?? null;

    const org = await getKpis(t.db, { ouIds: null }, 12, now);
    const of = (r: typeof org, kpiId: string) => r.series.find((s) => s.kpiId === kpiId);
    const keys = await stored(KPI.TEMPORARY_KEYS_PCT, ORG_SCOPE);
    expect(keys).toBeGreaterThan(0);
    expect(of(org, KPI.TEMPORARY_KEYS_PCT)?.sample).toBe(keys);
    expect(of(org, KPI.ACCOUNTS_IN_OU_PCT)?.sample).toBe(
      await stored(KPI.ACCOUNTS_IN_OU_PCT, ORG_SCOPE),
    );
    expect(of(org, KPI.OPEN_FINDINGS_ACCESS)?.sample).toBeNull();

    const scoped = await getKpis(t.db, { ouIds: [OU.prod, OU.sdlc] }, 12, now);
    const both =
      ((await stored(KPI.TEMPORARY_KEYS_PCT, OU.prod)) ?? 0) +
      ((await stored(KPI.TEMPORARY_KEYS_PCT, OU.sdlc)) ?? 0);
    expect(both).toBeGreaterThan(0);
    expect(both).toBeLessThan(keys ?? 0);
    expect(of(scoped, KPI.TEMPORARY_KEYS_PCT)?.sample).toBe(both);
  }, 60_000);
});
