// Budgets are promises to finance: spend (or the forecast) beyond the agreed margin needs an owner's
// answer before the invoice, not after.
import { Decimal } from "decimal.js";
import type { TCheck, TFinding } from "./types";
import { indexSnapshot } from "./org-index";

export const BUDGET_VARIANCE = "BUDGET_VARIANCE";

export const budgetVariance: TCheck = {
  definition: {
    id: BUDGET_VARIANCE,
    title: "Spend over budget",
    category: "cost-tagging",
    defaultSeverity: "high",
    evidenceKind: "account-audit",
    remediation: "Review the top cost drivers with the budget owner; cut or re-plan the spend, or raise the budget with finance's approval.",
  },
  run(snap, settings) {
    const out: TFinding[] = [];
    const margin = new Decimal(1).plus(new Decimal(settings.budgetVariancePercent).div(100));
    for (const { account, audit } of indexSnapshot(snap).audited) {
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
        out.push({
          checkId: BUDGET_VARIANCE,
          accountId: account.id,
          ouId: null,
          resource: `budget:${budget.name}`,
          severity: actualOver ? "high" : "medium",
          title: `Budget ${budget.name} ${actualOver ? "exceeded" : "forecast to be exceeded"} by ${variance.toFixed(1)}%`,
          message:
            `${actualOver ? "Spend to date" : "Forecast spend"} of ${measured.toFixed(2)} USD is ${variance.toFixed(1)}% over budget ${budget.name} ` +
            `(${limit.toFixed(2)} USD, ${budget.timeUnit.toLowerCase()}) in ${account.name} (${account.id}); the tolerance is ${settings.budgetVariancePercent}%.`,
          evidence: {
            budget: budget.name,
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
    return out;
  },
};
