// Savings Plans / RI KPIs over the last full month the store holds: coverage of eligible spend and
// utilization of what was committed, each counted in the scopes of the account it belongs to.
import { KPI, type TCommitmentKpiInput, type TKpiValue } from "./types";
import { ScopedRatio, type TScopes } from "./scopes";

export function commitmentKpis(
  scopes: TScopes,
  input: TCommitmentKpiInput | null | undefined,
): TKpiValue[] {
  const coverage = new ScopedRatio(KPI.COMMITMENT_COVERAGE_PCT, scopes.all);
  const utilization = new ScopedRatio(KPI.COMMITMENT_UTILIZATION_PCT, scopes.all);
  for (const c of input?.coverage ?? [])
    coverage.add(scopes.ofAccount(c.accountId), c.covered, c.total);
  for (const u of input?.usage ?? [])
    utilization.add(scopes.ofAccount(u.accountId), u.used, u.commitment, { commitments: 1 });
  const detail = { month: input?.month ?? null };
  return [
    ...coverage.percentages(detail),
    ...utilization.percentages({ ...detail, commitments: 0 }),
  ];
}
