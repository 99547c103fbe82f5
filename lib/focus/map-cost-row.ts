// One cost row (account × month × service × charge type) as a FOCUS 1.2 record. Cost Explorer gives
// monthly amounts without prices or quantities, so those columns are null, and List/Contracted
// cost equal BilledCost (see docs/chargeback.md for the mapping). The charge type (RECORD_TYPE)
// decides ChargeCategory, ChargeClass, ChargeFrequency and CommitmentDiscountCategory; a month
// collected before charge types were has none, and its rows are Usage (Tax for the Tax service).
import { focusChargeFields } from "@/lib/domain/costs/charge-types";
import { addMonths } from "@/lib/domain/months";
import type { TFocusExportColumn } from "./columns";
import { trimDecimal } from "./decimal-text";
import { serviceCategory } from "./service-category";

export interface CostMonthlyRow {
  accountId: string;
  accountName: string | null;
  month: string;
  service: string;
  unblended: string;
  amortized: string;
  net: string;
  source: string;
  /** Cost Explorer's RECORD_TYPE, or null when the month has no charge-type detail. */
  recordType: string | null;
  tags: Record<string, string>;
}

export interface BillingAccount {
  id: string;
  name: string;
}

export type FocusRecord = Partial<Record<TFocusExportColumn, string | null>>;

const AWS = "Amazon Web Services, Inc.";
const stamp = (month: string) => `${month}T00:00:00Z`;

export function mapCostRow(r: CostMonthlyRow, billing: BillingAccount): FocusRecord {
  const billed = trimDecimal(r.unblended);
  const charge = focusChargeFields(r.recordType ?? (r.service === "Tax" ? "Tax" : "Usage"));
  const kind = r.recordType && r.recordType !== "Usage" ? `${r.recordType}, ` : "";
  const period = { start: stamp(r.month), end: stamp(addMonths(r.month, 1)) };
  return {
    BilledCost: billed,
    EffectiveCost: trimDecimal(r.amortized),
    ListCost: billed,
    ContractedCost: billed,
    BillingAccountId: billing.id,
    BillingAccountName: billing.name,
    BillingCurrency: "USD",
    BillingPeriodStart: period.start,
    BillingPeriodEnd: period.end,
    ChargePeriodStart: period.start,
    ChargePeriodEnd: period.end,
    ChargeCategory: charge.ChargeCategory,
    ChargeClass: charge.ChargeClass,
    ChargeDescription: `${r.service}, ${kind}${r.month.slice(0, 7)} (monthly total from Cost Explorer)`,
    ChargeFrequency: charge.ChargeFrequency,
    CommitmentDiscountCategory: charge.CommitmentDiscountCategory,
    InvoiceIssuerName: AWS,
    ProviderName: "AWS",
    PublisherName: AWS,
    PricingQuantity: null,
    PricingUnit: null,
    ServiceName: r.service,
    ServiceCategory: serviceCategory(r.service),
    SubAccountId: r.accountId,
    SubAccountName: r.accountName,
    Tags: JSON.stringify(r.tags),
    x_Source: r.source,
    x_NetCost: trimDecimal(r.net),
  };
}
