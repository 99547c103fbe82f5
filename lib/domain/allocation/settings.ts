// Chargeback settings: where a cost's cost center comes from (in order) and which cost metric is charged.
// Stored in the `setting` table under these keys, next to the general settings.
import { z } from "zod";
import { ZChargePolicies } from "./charge-policy";

export const ALLOCATION_SOURCES = ["accountTag", "ouDefault", "tagSplit"] as const;
export type TAllocationSource = (typeof ALLOCATION_SOURCES)[number];

export const ALLOCATION_SOURCE_LABELS: Record<TAllocationSource, string> = {
  accountTag: "Account tag",
  ouDefault: "OU default (nearest ancestor)",
  tagSplit: "Split by resource tag inside the account",
};

export const COST_METRICS = ["unblended", "amortized", "net"] as const;
export type TCostMetric = (typeof COST_METRICS)[number];

export const UNALLOCATED = "unallocated";

export const ZAllocationOrder = z
  .array(z.enum(ALLOCATION_SOURCES))
  .max(ALLOCATION_SOURCES.length)
  .refine((l) => new Set(l).size === l.length, "Each source may appear once");

export const ZChargebackSettings = z.object({
  /** Sources tried in order; whatever none of them assigns lands in the `unallocated` bucket. */
  chargebackAllocationOrder: ZAllocationOrder.default(["accountTag", "ouDefault", "tagSplit"]),
  chargebackCostMetric: z.enum(COST_METRICS).default("unblended"),
  /** What chargeback does with credits/refunds, commitment fees, tax and support (charge-policy.ts). */
  chargebackChargePolicies: ZChargePolicies.default(ZChargePolicies.parse({})),
});
export type TChargebackSettings = z.infer<typeof ZChargebackSettings>;

export const CHARGEBACK_SETTING_KEYS = [
  "chargebackAllocationOrder",
  "chargebackCostMetric",
  "chargebackChargePolicies",
] as const;
