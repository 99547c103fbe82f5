// Time to a compliant account: from the CreateAccount request to the first run in which the new
// account was audited and had no open (unmuted) high or critical finding.
import { KPI, type TAccountCompliance, type TAccountCreation, type TKpiFinding, type TKpiValue } from "./types";
import { isMutedAt } from "./finding-kpis";
import { median, percentile, type TScopes } from "./scopes";

const HOUR_MS = 3_600_000;
const BLOCKING = new Set(["critical", "high"]);

export interface TNewlyCompliantInput {
  creations: readonly TAccountCreation[];
  alreadyCompliant: ReadonlySet<string>;
  auditedIds: ReadonlySet<string>;
  openFindings: readonly TKpiFinding[];
  now: Date;
  /** When OrgLens first evaluated a run: accounts created earlier were not watched. */
  watchingSince: Date;
}

/** Created accounts that reach compliance in this run (recorded once, never moved later). */
export function findNewlyCompliant(input: TNewlyCompliantInput): TAccountCompliance[] {
  const blocked = new Set(
    input.openFindings.filter((f) => f.accountId !== null && BLOCKING.has(f.severity) && !isMutedAt(f, input.now)).map((f) => f.accountId),
  );
  const out: TAccountCompliance[] = [];
  for (const c of input.creations) {
    const id = c.accountId;
    if (c.state !== "SUCCEEDED" || id === null || input.alreadyCompliant.has(id)) continue;
    if (!input.auditedIds.has(id) || blocked.has(id)) continue;
    out.push({ accountId: id, compliantAt: input.now, observed: (c.completedAt ?? c.requestedAt).getTime() >= input.watchingSince.getTime() });
  }
  return out;
}

export function provisioningKpis(scopes: TScopes, creations: readonly TAccountCreation[], compliance: readonly TAccountCompliance[], now: Date, windowDays: number): TKpiValue[] {
  const since = now.getTime() - windowDays * 24 * HOUR_MS;
  const compliantAt = new Map(compliance.map((c) => [c.accountId, c]));
  const hoursByScope = new Map<string, { toCompliant: number[]; toCreated: number[]; pending: number; unobserved: number }>();
  for (const c of creations) {
    if (c.state !== "SUCCEEDED" || c.accountId === null || c.requestedAt.getTime() < since) continue;
    const done = compliantAt.get(c.accountId);
    for (const scope of scopes.ofAccount(c.accountId)) {
      const h = hoursByScope.get(scope) ?? { toCompliant: [], toCreated: [], pending: 0, unobserved: 0 };
      if (c.completedAt) h.toCreated.push((c.completedAt.getTime() - c.requestedAt.getTime()) / HOUR_MS);
      if (!done) h.pending += 1;
      else if (!done.observed) h.unobserved += 1;
      else h.toCompliant.push((done.compliantAt.getTime() - c.requestedAt.getTime()) / HOUR_MS);
      hoursByScope.set(scope, h);
    }
  }
  const round = (n: number | null) => (n === null ? null : n.toFixed(6));
  return scopes.all.flatMap((scopeId) => {
    const h = hoursByScope.get(scopeId) ?? { toCompliant: [], toCreated: [], pending: 0, unobserved: 0 };
    const detail = {
      windowDays,
      accounts: h.toCompliant.length,
      pending: h.pending,
      unobserved: h.unobserved,
      createdMedianHours: median(h.toCreated),
      createdP90Hours: percentile(h.toCreated, 90),
    };
    return [
      { kpiId: KPI.TIME_TO_COMPLIANT_MEDIAN_HOURS, scopeId, value: round(median(h.toCompliant)), numerator: null, denominator: String(h.toCompliant.length), detail },
      { kpiId: KPI.TIME_TO_COMPLIANT_P90_HOURS, scopeId, value: round(percentile(h.toCompliant, 90)), numerator: null, denominator: String(h.toCompliant.length), detail },
    ];
  });
}
