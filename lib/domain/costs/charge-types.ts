// Cost Explorer's charge types (the RECORD_TYPE dimension) and what each one means downstream: its
// FOCUS 1.2 classification and its default chargeback policy. Pure: used by the collector, FOCUS
// export, showback and chargeback alike.

/** The RECORD_TYPE values Cost Explorer answers with (API spelling; the console shows some spaced). */
export const RECORD_TYPES = [
  "Usage",
  "DiscountedUsage",
  "SavingsPlanCoveredUsage",
  "SavingsPlanNegation",
  "SavingsPlanRecurringFee",
  "SavingsPlanUpfrontFee",
  "RIFee",
  "Fee",
  "Support",
  "Tax",
  "Credit",
  "Refund",
  "Enterprise Discount Program Discount",
  "Private Rate Card Discount",
  "Bundled Discount",
  "Distributor Discount",
  "Solution Provider Program Discount",
] as const;

/** The one record type whose charges stay inside the per-service totals without a row of their own. */
export const PLAIN_USAGE = "Usage";

export type TFocusChargeCategory = "Usage" | "Purchase" | "Tax" | "Credit" | "Adjustment";

export interface FocusChargeFields {
  ChargeCategory: TFocusChargeCategory;
  /** "Correction" when the row corrects charges of an earlier billing period, else null. */
  ChargeClass: "Correction" | null;
  ChargeFrequency: "One-Time" | "Recurring" | "Usage-Based";
  /** "Spend" for Savings Plans, "Usage" for Reserved Instances, null without a commitment. */
  CommitmentDiscountCategory: "Spend" | "Usage" | null;
}

/** "Savings Plan Covered Usage" (console) and "SavingsPlanCoveredUsage" (API) are one type. */
function compact(recordType: string): string {
  return recordType.replace(/\s+/g, "").toLowerCase();
}

const DISCOUNTS = new Set(
  [
    "Enterprise Discount Program Discount",
    "Private Rate Card Discount",
    "Bundled Discount",
    "Distributor Discount",
    "Solution Provider Program Discount",
    "EdpDiscount",
    "PrivateRateDiscount",
    "BundledDiscount",
    "DistributorDiscount",
    "SppDiscount",
  ].map(compact),
);

/**
 * The FOCUS columns a record type decides. An unknown type is usage-based Usage (the category
 * FOCUS gives a consumption charge); a negative amount alone never makes a credit.
 */
export function focusChargeFields(recordType: string): FocusChargeFields {
  const base = {
    ChargeClass: null,
    ChargeFrequency: "Usage-Based",
    CommitmentDiscountCategory: null,
  } as const;
  const t = compact(recordType);
  switch (t) {
    case "usage":
      return { ...base, ChargeCategory: "Usage" };
    case "discountedusage":
      return { ...base, ChargeCategory: "Usage", CommitmentDiscountCategory: "Usage" };
    case "savingsplancoveredusage":
    case "savingsplannegation":
      return { ...base, ChargeCategory: "Usage", CommitmentDiscountCategory: "Spend" };
    case "savingsplanrecurringfee":
      return {
        ...base,
        ChargeCategory: "Purchase",
        ChargeFrequency: "Recurring",
        CommitmentDiscountCategory: "Spend",
      };
    case "savingsplanupfrontfee":
      return {
        ...base,
        ChargeCategory: "Purchase",
        ChargeFrequency: "One-Time",
        CommitmentDiscountCategory: "Spend",
      };
    case "rifee":
      return {
        ...base,
        ChargeCategory: "Purchase",
        ChargeFrequency: "Recurring",
        CommitmentDiscountCategory: "Usage",
      };
    case "fee":
      return { ...base, ChargeCategory: "Purchase", ChargeFrequency: "One-Time" };
    case "support":
      return { ...base, ChargeCategory: "Purchase", ChargeFrequency: "Recurring" };
    case "tax":
      return { ...base, ChargeCategory: "Tax", ChargeFrequency: "Recurring" };
    case "credit":
      return { ...base, ChargeCategory: "Credit", ChargeFrequency: "One-Time" };
    case "refund":
      // A refund gives back charges already invoiced: a correction of an earlier period.
      return {
        ...base,
        ChargeCategory: "Adjustment",
        ChargeClass: "Correction",
        ChargeFrequency: "One-Time",
      };
    default:
      return DISCOUNTS.has(t)
        ? { ...base, ChargeCategory: "Credit" }
        : { ...base, ChargeCategory: "Usage" };
  }
}

/** What chargeback does with a charge type. */
export type TChargePolicy =
  /** Charged to the account it belongs to, with that account's usage (credits, refunds, discounts). */
  | "follow-usage"
  /** Its own line per account, so finance sees it apart (tax). */
  | "own-line"
  /** Pooled and split over the cost centers by their share of usage (support). */
  | "split-by-usage";

export const CHARGE_POLICIES: readonly TChargePolicy[] = [
  "follow-usage",
  "own-line",
  "split-by-usage",
];

export type TChargeGroup = "usage" | "credits" | "tax" | "support" | "commitments";

/** The groups a chargeback policy is set for, and which record types fall in each. */
export function chargeGroupOf(recordType: string): TChargeGroup {
  const t = compact(recordType);
  if (t === "tax") return "tax";
  if (t === "support") return "support";
  if (t === "credit" || t === "refund" || DISCOUNTS.has(t)) return "credits";
  if (t === "rifee" || t === "fee" || (t.startsWith("savingsplan") && t.endsWith("fee")))
    return "commitments";
  return "usage";
}

export const DEFAULT_CHARGE_POLICIES: Readonly<Record<TChargeGroup, TChargePolicy>> = {
  usage: "follow-usage",
  credits: "follow-usage",
  commitments: "follow-usage",
  tax: "own-line",
  support: "split-by-usage",
};
