// Open-findings KPIs. A muted finding (reason and expiry set by a user) is listed but not counted
// until its mute expires, nor is one an exception rule covers; a stale one (account not audited this run) still counts, so a failed
// audit never makes the trend look better.
import { SEVERITIES } from "@/lib/domain/checks/types";
import { KPI, ORG_SCOPE, type TKpiFinding, type TKpiId, type TKpiValue } from "./types";
import { ScopedRatio, type TScopes } from "./scopes";

export function isMutedAt(f: Pick<TKpiFinding, "mutedUntil">, now: Date): boolean {
  return f.mutedUntil !== null && f.mutedUntil.getTime() > now.getTime();
}

const GROUPS: readonly { kpiId: TKpiId; categories: readonly string[] }[] = [
  { kpiId: KPI.OPEN_FINDINGS_ACCESS, categories: ["identity-access"] },
  { kpiId: KPI.OPEN_FINDINGS_SEGREGATION, categories: ["segregation", "organization"] },
];

export function scopesOfFinding(
  scopes: TScopes,
  f: Pick<TKpiFinding, "accountId" | "ouId">,
): readonly string[] {
  if (f.accountId !== null) return scopes.ofAccount(f.accountId);
  if (f.ouId !== null) return scopes.ofOu(f.ouId);
  return [ORG_SCOPE];
}

export function findingKpis(
  scopes: TScopes,
  findings: readonly TKpiFinding[],
  now: Date,
): TKpiValue[] {
  return GROUPS.flatMap(({ kpiId, categories }) => {
    const counts = new ScopedRatio(kpiId, scopes.all);
    for (const f of findings) {
      if (!categories.includes(f.category)) continue;
      const where = scopesOfFinding(scopes, f);
      if (f.excepted) {
        counts.add(where, 0, 0, { excepted: 1 });
        continue;
      }
      if (isMutedAt(f, now)) {
        counts.add(where, 0, 0, { muted: 1 });
        continue;
      }
      counts.add(where, 1, 0, { [f.severity]: 1, ...(f.stale ? { stale: 1 } : {}) });
    }
    const zeros = Object.fromEntries(
      [...SEVERITIES, "muted", "excepted", "stale"].map((s) => [s, 0]),
    );
    return counts.totals(zeros).map((v) => ({ ...v, denominator: null }));
  });
}
