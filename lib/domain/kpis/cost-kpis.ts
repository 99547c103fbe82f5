// FinOps KPIs on the last full month (final figures when they exist; `estimated` says otherwise).
import { Decimal } from "decimal.js";
import { indexCosts, spendOn, untaggedOf } from "@/lib/domain/checks/costs";
import { isWorkloadService } from "@/lib/domain/checks/services";
import type { TSettings } from "@/lib/domain/settings";
import type { TSnapshot } from "@/lib/domain/snapshot";
import { KPI, ORG_SCOPE, type TBudgetState, type TKpiValue } from "./types";
import { ScopedRatio, type TScopes } from "./scopes";

export function costKpis(
  scopes: TScopes,
  snap: TSnapshot,
  settings: TSettings,
  budgets: readonly TBudgetState[],
): TKpiValue[] {
  const costs = indexCosts(snap, settings);
  const period = { month: costs.month?.month ?? null, estimated: costs.month?.estimated ?? null };

  const untagged = new ScopedRatio(KPI.UNTAGGED_SPEND_PCT, scopes.all);
  const key = costs.allocationTagKey;
  if (key) {
    for (const account of scopes.index.activeAccounts) {
      const share = untaggedOf(costs, account.id, key);
      if (share) untagged.add(scopes.ofAccount(account.id), share.untagged, share.total);
    }
  }

  const mgmt = spendOn(
    costs.spendByAccount.get(scopes.index.managementAccountId),
    isWorkloadService,
  );
  const mgmtKpi: TKpiValue = {
    kpiId: KPI.MGMT_WORKLOAD_SPEND,
    scopeId: ORG_SCOPE,
    value: costs.month ? mgmt.amount.toFixed(6) : null,
    numerator: mgmt.amount.toFixed(6),
    denominator: null,
    detail: { ...period, threshold: settings.mgmtWorkloadSpendThreshold, services: mgmt.services },
  };

  const over = new ScopedRatio(KPI.SPEND_OVER_BUDGET, scopes.all);
  const active = new Set(scopes.index.activeAccounts.map((a) => a.id));
  for (const b of budgets) {
    if (!active.has(b.accountId) || b.actual === null) continue;
    const excess = Decimal.max(0, new Decimal(b.actual).minus(b.limit));
    over.add(scopes.ofAccount(b.accountId), excess, b.limit, {
      budgets: 1,
      budgetsOver: excess.gt(0) ? 1 : 0,
    });
  }

  return [
    ...untagged.percentages({ ...period, tagKey: key }),
    mgmtKpi,
    ...over.totals({ budgets: 0, budgetsOver: 0 }),
  ];
}
