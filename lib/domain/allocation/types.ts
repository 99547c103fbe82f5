// Plain data in and out of the chargeback computation (no I/O): one month of one organization.
import type { RuleVersion } from "./rules";
import type { TAllocationSource } from "./settings";
import type { TChargeGroup } from "@/lib/domain/costs/charge-types";
import type { ChargeComponents, TChargePolicies } from "./charge-policy";

/** Exact cost of one account and service in the month (a decimal string, any scale). */
export interface CostLine {
  accountId: string;
  service: string;
  amount: string;
}

/** Charges of one record type (not plain Usage) inside a cost line's amount (cost_charge). */
export interface ChargeLine {
  accountId: string;
  service: string;
  recordType: string;
  amount: string;
}

export interface AccountInfo {
  id: string;
  /** Cost center from the account's cost-center tag, if any. */
  tagCostCenter: string | null;
  /** OU the account sat in during the month (null when unknown). */
  ouId: string | null;
}

export interface OuInfo {
  id: string;
  parentId: string | null;
  /** Mapped default (ou_cost_center, else the OU's own cost-center tag); null = none at this level. */
  defaultCostCenter: string | null;
}

/** Spend of an account under one value of the cost-center resource tag ("" = untagged). */
export interface TagShare {
  accountId: string;
  value: string;
  amount: string;
}

export interface ChargebackInput {
  costs: readonly CostLine[];
  accounts: readonly AccountInfo[];
  ous: readonly OuInfo[];
  tagShares: readonly TagShare[];
  /** Versions in force this month; they claim cost lines in rule-key order. */
  rules: readonly RuleVersion[];
  order: readonly TAllocationSource[];
  /** Charges by record type inside `costs`; none = every cost is usage. */
  charges?: readonly ChargeLine[];
  /** What chargeback does with each charge group; the defaults when left out. */
  policies?: TChargePolicies;
}

export type TBasis = TAllocationSource | "unallocated" | "shared";

export interface AllocatedLine {
  costCenter: string;
  /** "" for shared cost given to a target with no account of its own this month. */
  accountId: string;
  directCents: bigint;
  sharedCents: bigint;
  /** The direct cents by charge group (usage, credits, commitments, tax, support share). */
  components: ChargeComponents;
  /** How the direct cost got its cost center (the first source that assigned any of it). */
  basis: TBasis;
}

export interface PoolResult {
  ruleKey: string;
  version: number;
  name: string;
  method: RuleVersion["method"];
  sourceCents: bigint;
  /** Source cents by account the cost was taken from. */
  sources: { accountId: string; cents: bigint }[];
  targets: { kind: "costCenter" | "ou"; id: string; cents: bigint }[];
}

export interface ChargebackResult {
  /** The organization's total for the month, exact sum rounded half up to cents. */
  totalCents: bigint;
  lines: AllocatedLine[];
  pools: PoolResult[];
  /** Totals of the charge groups split over the organization (policy split-by-usage), in cents. */
  chargePools: { group: TChargeGroup; cents: bigint }[];
  warnings: string[];
}
