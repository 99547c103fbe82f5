// KPI values of one run, for the whole organization (scope "org") and for each OU's subtree.
import type { TEvidence } from "@/lib/domain/checks/types";
import type { TSettings } from "@/lib/domain/settings";
import type { TSnapshot } from "@/lib/domain/snapshot";

export const ORG_SCOPE = "org";

export const KPI = {
  /** Org accounts ÷ (org accounts + known accounts outside). Org scope only. */
  ACCOUNTS_IN_ORG_PCT: "ACCOUNTS_IN_ORG_PCT",
  /** Member accounts under an OU other than Root. Org scope only. */
  ACCOUNTS_IN_OU_PCT: "ACCOUNTS_IN_OU_PCT",
  /** Console sign-ins through roles (Identity Center, federation) among role + IAM-user sign-ins. */
  ROLE_BASED_LOGINS_PCT: "ROLE_BASED_LOGINS_PCT",
  /** Share of sampled CloudTrail write calls signed with temporary (ASIA) keys among ASIA + AKIA; the denominator is the sample size. */
  TEMPORARY_KEYS_PCT: "TEMPORARY_KEYS_PCT",
  /** Hours from account creation (CreateAccount completed) to the first run without open high/critical findings. */
  TIME_TO_COMPLIANT_MEDIAN_HOURS: "TIME_TO_COMPLIANT_MEDIAN_HOURS",
  TIME_TO_COMPLIANT_P90_HOURS: "TIME_TO_COMPLIANT_P90_HOURS",
  /** The same end, measured from the approval of the OrgLens account request behind the account. */
  TIME_TO_COMPLIANT_FROM_APPROVAL_MEDIAN_HOURS: "TIME_TO_COMPLIANT_FROM_APPROVAL_MEDIAN_HOURS",
  /** Open, unmuted identity-access findings; by severity in detail. */
  OPEN_FINDINGS_ACCESS: "OPEN_FINDINGS_ACCESS",
  /** Open, unmuted segregation and organization findings; by severity in detail. */
  OPEN_FINDINGS_SEGREGATION: "OPEN_FINDINGS_SEGREGATION",
  /** Untagged share of the last full month's spend for the allocation tag key. */
  UNTAGGED_SPEND_PCT: "UNTAGGED_SPEND_PCT",
  /** Workload-service spend (USD) of the management account in the last full month. Org scope only. */
  MGMT_WORKLOAD_SPEND: "MGMT_WORKLOAD_SPEND",
  /** Spend (USD) beyond the limit of AWS Budgets, summed over budgets that are exceeded. */
  SPEND_OVER_BUDGET: "SPEND_OVER_BUDGET",
  /** Savings Plans-covered share of Savings Plans-eligible spend (USD), last full month. */
  COMMITMENT_COVERAGE_PCT: "COMMITMENT_COVERAGE_PCT",
  /** Used share of the Savings Plans and RI commitment (USD), last full month; per owning account. */
  COMMITMENT_UTILIZATION_PCT: "COMMITMENT_UTILIZATION_PCT",
} as const;
export type TKpiId = (typeof KPI)[keyof typeof KPI];

export interface TKpiValue {
  kpiId: TKpiId;
  scopeId: string;
  /** Exact decimal strings; null when the denominator is empty (nothing to measure). */
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  detail: TEvidence;
}

/** An open finding as the KPIs need it (the lifecycle's current state, stale ones included). */
export interface TKpiFinding {
  checkId: string;
  /** A TCategory; stored rows are plain strings. */
  category: string;
  /** A TSeverity; stored rows are plain strings. */
  severity: string;
  accountId: string | null;
  ouId: string | null;
  mutedUntil: Date | null;
  /** An exception rule covers it: listed, not counted (like a mute, but standing). */
  excepted: boolean;
  stale: boolean;
}

/** Last known console sign-in statistics of an account (kept from an earlier run when its audit failed). */
export interface TLoginStat {
  accountId: string;
  byIdentityType: Record<string, number>;
  longTermKeysInUse: number | null;
  temporaryKeysInUse: number | null;
}

export interface TBudgetState {
  accountId: string;
  name: string;
  limit: string;
  actual: string | null;
}

/** An Organizations CreateAccount request, as stored (history kept across runs). */
export interface TAccountCreation {
  accountId: string | null;
  state: string;
  requestedAt: Date;
  completedAt: Date | null;
}

/** When a created account first ran without open high/critical findings (derived from the stored runs). */
export interface TAccountCompliance {
  accountId: string;
  compliantAt: Date;
  /** False when OrgLens was not yet watching when the account was created: its delay is unknown. */
  observed: boolean;
  /** True when ingested CloudTrail events date it (to the second), false when a collection run does. */
  fromEvents?: boolean;
}

/** An approved OrgLens account request that was provisioned as `accountId`. */
export interface TAccountApproval {
  accountId: string;
  approvedAt: Date;
}

/** The last full month's Savings Plans / RI figures as stored (absent: none collected). */
export interface TCommitmentKpiInput {
  month: string;
  /** Savings Plans coverage per account (USD). */
  coverage: readonly { accountId: string; covered: string; total: string }[];
  /** Per commitment, by the account that owns it (USD). */
  usage: readonly { accountId: string; commitment: string; used: string }[];
}

export interface TKpiInput {
  commitments?: TCommitmentKpiInput | null;
  snap: TSnapshot;
  settings: TSettings;
  now: Date;
  knownAccountIds: ReadonlySet<string>;
  openFindings: readonly TKpiFinding[];
  loginStats: readonly TLoginStat[];
  budgets: readonly TBudgetState[];
  creations: readonly TAccountCreation[];
  compliance: readonly TAccountCompliance[];
  approvals: readonly TAccountApproval[];
}
