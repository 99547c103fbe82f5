// Chargeback policy per charge type: which part of an account's cost is usage, credits/refunds,
// commitment fees, tax or support (Cost Explorer's RECORD_TYPE, stored in cost_charge), and what
// chargeback does with each. Pure; the computation itself is in compute-chargeback.ts.
import { z } from "zod";
import {
  CHARGE_POLICIES,
  DEFAULT_CHARGE_POLICIES,
  chargeGroupOf,
  type TChargeGroup,
  type TChargePolicy,
} from "@/lib/domain/costs/charge-types";
import { Dec } from "./largest-remainder";
import type { ChargeLine, CostLine } from "./types";

/** The groups an admin sets a policy for; plain usage always stays with its account. */
export const POLICY_GROUPS = ["credits", "commitments", "tax", "support"] as const;
export type TPolicyGroup = (typeof POLICY_GROUPS)[number];
/** Component order on lines, in the CSV and on the page. */
export const CHARGE_GROUPS = ["usage", ...POLICY_GROUPS] as const satisfies readonly TChargeGroup[];

export const ZChargePolicies = z.object({
  credits: z.enum(CHARGE_POLICIES).default(DEFAULT_CHARGE_POLICIES.credits),
  commitments: z.enum(CHARGE_POLICIES).default(DEFAULT_CHARGE_POLICIES.commitments),
  tax: z.enum(CHARGE_POLICIES).default(DEFAULT_CHARGE_POLICIES.tax),
  support: z.enum(CHARGE_POLICIES).default(DEFAULT_CHARGE_POLICIES.support),
});
export type TChargePolicies = z.infer<typeof ZChargePolicies>;

export const DEFAULT_POLICIES: TChargePolicies = ZChargePolicies.parse({});

/** Per charge group, the cents a line carries; they add up to the line's direct cents. */
export type ChargeComponents = Record<TChargeGroup, bigint>;

export const noComponents = (): ChargeComponents => ({
  usage: 0n,
  credits: 0n,
  commitments: 0n,
  tax: 0n,
  support: 0n,
});

export function policyOf(group: TChargeGroup, policies: TChargePolicies): TChargePolicy {
  return group === "usage" ? "follow-usage" : policies[group];
}

export interface GroupedCost extends CostLine {
  group: TChargeGroup;
}

/**
 * Splits each (account, service) total into its charge groups: the charges of each record type go to
 * their group, usage is the rest. A charge's group comes from its record type only: a negative
 * amount with no credit record (a usage correction, a negative usage line) stays usage.
 */
export function splitChargeGroups(
  costs: readonly CostLine[],
  charges: readonly ChargeLine[],
): GroupedCost[] {
  const key = (accountId: string, service: string) => `${accountId}\u0000${service}`;
  const byLine = new Map<string, Map<TChargeGroup, Dec>>();
  for (const c of charges) {
    const k = key(c.accountId, c.service);
    const groups = byLine.get(k) ?? new Map<TChargeGroup, Dec>();
    const g = chargeGroupOf(c.recordType);
    groups.set(g, (groups.get(g) ?? new Dec(0)).plus(c.amount));
    byLine.set(k, groups);
  }
  const out: GroupedCost[] = [];
  // Totals come from cost_monthly (the stored spend); a charge without one adds nothing.
  for (const c of costs) {
    const k = key(c.accountId, c.service);
    let usage = new Dec(c.amount);
    for (const [group, amount] of byLine.get(k) ?? []) {
      if (group === "usage") continue; // a non-plain usage type (covered usage…) is usage
      usage = usage.minus(amount);
      out.push({ ...c, group, amount: amount.toFixed() });
    }
    out.push({ ...c, group: "usage", amount: usage.toFixed() });
  }
  return out.filter((c) => !new Dec(c.amount).isZero());
}
