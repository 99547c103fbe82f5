// The FOCUS 1.2 cost-and-usage columns (alphabetical, as the specification lists them) and which
// of them are mandatory. Columns OrgLens adds are prefixed `x_`, as the specification requires.

// prettier-ignore
export const FOCUS_COLUMNS = [
  "AvailabilityZone", "BilledCost", "BillingAccountId", "BillingAccountName", "BillingAccountType",
  "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart", "CapacityReservationId",
  "CapacityReservationStatus", "ChargeCategory", "ChargeClass", "ChargeDescription", "ChargeFrequency",
  "ChargePeriodEnd", "ChargePeriodStart", "CommitmentDiscountCategory", "CommitmentDiscountId",
  "CommitmentDiscountName", "CommitmentDiscountQuantity", "CommitmentDiscountStatus",
  "CommitmentDiscountType", "CommitmentDiscountUnit", "ConsumedQuantity", "ConsumedUnit",
  "ContractedCost", "ContractedUnitPrice", "EffectiveCost", "InvoiceId", "InvoiceIssuerName", "ListCost",
  "ListUnitPrice", "PricingCategory", "PricingCurrency", "PricingCurrencyContractedUnitPrice",
  "PricingCurrencyEffectiveCost", "PricingCurrencyListUnitPrice", "PricingQuantity", "PricingUnit",
  "ProviderName", "PublisherName", "RegionId", "RegionName", "ResourceId", "ResourceName", "ResourceType",
  "ServiceCategory", "ServiceName", "ServiceSubcategory", "SkuId", "SkuMeter", "SkuPriceDetails",
  "SkuPriceId", "SubAccountId", "SubAccountName", "SubAccountType", "Tags",
] as const;
export type TFocusColumn = (typeof FOCUS_COLUMNS)[number];

/** Mandatory in FOCUS 1.2: present in every dataset (some may still be null, e.g. PricingQuantity on tax). */
// prettier-ignore
export const FOCUS_MANDATORY: ReadonlySet<TFocusColumn> = new Set<TFocusColumn>([
  "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency", "BillingPeriodEnd",
  "BillingPeriodStart", "ChargeCategory", "ChargeClass", "ChargeDescription", "ChargePeriodEnd",
  "ChargePeriodStart", "ContractedCost", "EffectiveCost", "InvoiceIssuerName", "ListCost",
  "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName", "ServiceCategory", "ServiceName",
]);

/** OrgLens's own columns: the collection source (or FOCUS import id) and Cost Explorer's net cost. */
export const FOCUS_EXTRA_COLUMNS = ["x_Source", "x_NetCost"] as const;

export const FOCUS_EXPORT_HEADER = [...FOCUS_COLUMNS, ...FOCUS_EXTRA_COLUMNS] as const;
export type TFocusExportColumn = (typeof FOCUS_EXPORT_HEADER)[number];

/** The four cost metrics, parsed as exact decimals on import and written from numeric columns on export. */
export const FOCUS_COST_COLUMNS = [
  "BilledCost",
  "EffectiveCost",
  "ListCost",
  "ContractedCost",
] as const;

/** Columns an import cannot do without (FOCUS 1.0 and later all carry them). */
export const FOCUS_REQUIRED_ON_IMPORT = [
  "BilledCost",
  "EffectiveCost",
  "ListCost",
  "BillingAccountId",
  "BillingPeriodStart",
  "ChargePeriodStart",
  "ProviderName",
] as const;
