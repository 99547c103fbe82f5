// Budgets are promises to finance: spend (or the forecast) beyond the agreed margin needs an owner's
// answer before the invoice, not after.
import { Decimal } from "decimal.js";
import type { TCheck, TFinding } from "./types";
import { indexSnapshot } from "./org-index";

export const BUDGET_VARIANCE = "BUDGET_VARIANCE";

/**
 * A budget is the promise of the account it watches, not of the account it is written in: payers
 * define budgets in the management account with a LinkedAccount filter. The finding goes to each
 * watched account (one per account, all naming the budget and its other accounts), so the lead whose
 * scope holds any of them sees it. Their lowest common OU is not used: a budget spanning teams has
 * the Root as that OU more often than not, which only organization-wide admins see, and the overrun
 * of a shared budget cannot be split per account (AWS reports one actual for the filter). A budget
 * without a filter, or whose accounts are all outside the organization, stays on its own account.
 */
export const budgetVariance: TCheck = {
  definition: {
    id: BUDGET_VARIANCE,
    title: "Spend over budget",
    category: "cost-tagging",
    defaultSeverity: "high",
    evidenceKind: "account-audit",
    remediation:
      "Review the top cost drivers with the budget owner; cut or re-plan the spend, or raise the budget with finance's approval.",
  },
  run(snap, settings) {
    const out: TFinding[] = [];
    const index = indexSnapshot(snap);
    const active = new Map(index.activeAccounts.map((a) => [a.id, a]));
    const margin = new Decimal(1).plus(new Decimal(settings.budgetVariancePercent).div(100));
    for (const { account: owner, audit } of index.audited) {
      for (const budget of audit.budgets) {
        const limit = new Decimal(budget.limit);
        if (limit.lte(0)) continue;
        const actual = budget.actual === null ? null : new Decimal(budget.actual);
        const forecast = budget.forecast === null ? null : new Decimal(budget.forecast);
        const actualOver = actual !== null && actual.gt(limit.mul(margin));
        const forecastOver = forecast !== null && forecast.gt(limit.mul(margin));
        if (!actualOver && !forecastOver) continue;
        const measured = actualOver && actual ? actual : (forecast ?? limit);
        const variance = measured.minus(limit).div(limit).mul(100);
        const linked = budget.linkedAccountIds.flatMap((id) => active.get(id) ?? []);
        const watched = linked.length ? linked : [owner];
        const where = linked.length
          ? `${linked.map((a) => `${a.name} (${a.id})`).join(", ")}, budget kept in ${owner.name} (${owner.id})`
          : `${owner.name} (${owner.id})`;
        for (const account of watched) {
          out.push({
            checkId: BUDGET_VARIANCE,
            accountId: account.id,
            ouId: null,
            // Budget names are unique per owning account only.
            resource:
              account.id === owner.id
                ? `budget:${budget.name}`
                : `budget:${owner.id}/${budget.name}`,
            severity: actualOver ? "high" : "medium",
            title: `Budget ${budget.name} ${actualOver ? "exceeded" : "forecast to be exceeded"} by ${variance.toFixed(1)}%`,
            message:
              `${actualOver ? "Spend to date" : "Forecast spend"} of ${measured.toFixed(2)} USD is ${variance.toFixed(1)}% over budget ${budget.name} ` +
              `(${limit.toFixed(2)} USD, ${budget.timeUnit.toLowerCase()}) for ${where}; the tolerance is ${settings.budgetVariancePercent}%.`,
            evidence: {
              budget: budget.name,
              budgetAccountId: owner.id,
              watchedAccountIds: watched.map((a) => a.id),
              timeUnit: budget.timeUnit,
              limit: budget.limit,
              actual: budget.actual,
              forecast: budget.forecast,
              variancePercent: Number(variance.toFixed(2)),
              basis: actualOver ? "actual" : "forecast",
            },
          });
        }
      }
    }
    return out;
  },
};
