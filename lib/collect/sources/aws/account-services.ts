// Smaller per-account reads: Identity Center instances, AWS Budgets, and the account's own bucket names
// (to find which account owns a trail's bucket, so that it is read there).
import { paginateDescribeBudgets, type Expression } from "@aws-sdk/client-budgets";
import { ListBucketsCommand } from "@aws-sdk/client-s3";
import { paginateListInstances } from "@aws-sdk/client-sso-admin";
import Decimal from "decimal.js";
import type { TAccountAudit } from "@/lib/domain/snapshot";
import type { AwsClients } from "./clients";
import { isNamed } from "./errors";

export async function readIdentityCenter(
  clients: AwsClients,
): Promise<TAccountAudit["identityCenterInstances"]> {
  const out: TAccountAudit["identityCenterInstances"] = [];
  for await (const page of paginateListInstances(
    { client: clients.ssoAdmin(clients.homeRegion) },
    {},
  )) {
    for (const i of page.Instances ?? []) {
      // An instance is recorded under the account that owns it, once.
      if (
        i.InstanceArn &&
        i.IdentityStoreId &&
        (!i.OwnerAccountId || i.OwnerAccountId === clients.accountId)
      ) {
        out.push({ instanceArn: i.InstanceArn, identityStoreId: i.IdentityStoreId });
      }
    }
  }
  return out;
}

function money(amount: string | undefined): string | null {
  return amount === undefined ? null : new Decimal(amount).toFixed();
}

/**
 * Accounts a budget's filter limits it to: the legacy CostFilters.LinkedAccount list, or LINKED_ACCOUNT
 * dimensions in the FilterExpression (And / Or branches; an excluded account under Not watches nothing).
 */
export function linkedAccountsOf(
  costFilters: Record<string, string[]> | undefined,
  expression: Expression | undefined,
): string[] {
  const fromExpression = (e: Expression | undefined): string[] => {
    if (!e) return [];
    const own = e.Dimensions?.Key === "LINKED_ACCOUNT" ? (e.Dimensions.Values ?? []) : [];
    return [
      ...own,
      ...(e.And ?? []).flatMap(fromExpression),
      ...(e.Or ?? []).flatMap(fromExpression),
    ];
  };
  const ids = [...(costFilters?.LinkedAccount ?? []), ...fromExpression(expression)];
  return [...new Set(ids.filter((id) => /^\d{12}$/.test(id)))].sort();
}

export async function readBudgets(clients: AwsClients): Promise<TAccountAudit["budgets"]> {
  const out: TAccountAudit["budgets"] = [];
  try {
    for await (const page of paginateDescribeBudgets(
      { client: clients.budgets() },
      { AccountId: clients.accountId, ShowFilterExpression: true },
    )) {
      for (const b of page.Budgets ?? []) {
        out.push({
          name: b.BudgetName ?? "",
          limit: money(b.BudgetLimit?.Amount) ?? "0",
          timeUnit: b.TimeUnit ?? "MONTHLY",
          actual: money(b.CalculatedSpend?.ActualSpend?.Amount),
          forecast: money(b.CalculatedSpend?.ForecastedSpend?.Amount),
          linkedAccountIds: linkedAccountsOf(b.CostFilters, b.FilterExpression),
        });
      }
    }
  } catch (err) {
    // Budgets answers "not found" for an account that has none.
    if (!isNamed(err, "NotFoundException")) throw err;
  }
  return out;
}

export async function listOwnBuckets(clients: AwsClients): Promise<string[]> {
  const { Buckets } = await clients.s3(clients.homeRegion).send(new ListBucketsCommand({}));
  return (Buckets ?? []).flatMap((b) => (b.Name ? [b.Name] : []));
}
