// The playbook's areas, and where every check and KPI belongs, with each check's remediation effort.
// The gap report groups by these; a unit test fails when a check or KPI has no area.
import { KPI, type TKpiId } from "@/lib/domain/kpis/types";

export const AREAS = [
  "identity",
  "segregation",
  "logging",
  "guardrails",
  "cost-controls",
  "provisioning",
] as const;
export type TArea = (typeof AREAS)[number];

export const AREA_LABEL: Record<TArea, string> = {
  identity: "Identity",
  segregation: "Segregation",
  logging: "Logging",
  guardrails: "Guardrails",
  "cost-controls": "Cost controls",
  provisioning: "Provisioning",
};

/** S: a setting or one policy change; M: a change per account or a small project; L: a migration. */
export const EFFORTS = ["S", "M", "L"] as const;
export type TEffort = (typeof EFFORTS)[number];

export const EFFORT_LABEL: Record<TEffort, string> = {
  S: "small (one setting or policy)",
  M: "medium (per account, or a small project)",
  L: "large (a migration or re-organization)",
};

export interface TCheckPlaybook {
  area: TArea;
  effort: TEffort;
}

/** Keyed by check id (the ids in lib/domain/checks never change once stored). */
export const CHECK_PLAYBOOK: Readonly<Record<string, TCheckPlaybook>> = {
  IDENTITY_ACCOUNT_DEDICATED: { area: "identity", effort: "L" },
  IAM_LOCAL_USERS: { area: "identity", effort: "M" },
  IAM_LONG_LIVED_KEYS: { area: "identity", effort: "M" },
  IAM_STALE_USERS: { area: "identity", effort: "S" },
  IAM_ROOT_USER: { area: "identity", effort: "S" },
  IAM_CROSS_ACCOUNT_TRUST: { area: "identity", effort: "S" },
  IAM_LATERAL_ADMIN_TRUST: { area: "identity", effort: "M" },
  ENV_SEGREGATION: { area: "segregation", effort: "L" },
  MGMT_ACCOUNT_WORKLOADS: { area: "segregation", effort: "L" },
  ORG_ACCOUNT_AT_ROOT: { area: "segregation", effort: "S" },
  ORG_OU_STRUCTURE: { area: "segregation", effort: "M" },
  GUARDRAIL_SCP_BASELINE: { area: "guardrails", effort: "S" },
  SECURITYHUB_COVERAGE: { area: "guardrails", effort: "S" },
  LOG_ORG_TRAIL: { area: "logging", effort: "S" },
  LOG_ARCHIVE_ACCOUNT: { area: "logging", effort: "M" },
  LOG_ARCHIVE_BUCKET_POLICY: { area: "logging", effort: "S" },
  TAG_POLICY: { area: "cost-controls", effort: "S" },
  BUDGET_VARIANCE: { area: "cost-controls", effort: "M" },
  ORG_ACCOUNT_OUTSIDE: { area: "provisioning", effort: "M" },
  // Link the account to its request or mark it known: minutes, once the owner is found.
  ORG_ACCOUNT_UNREQUESTED: { area: "provisioning", effort: "S" },
  ACCOUNT_BASELINE: { area: "provisioning", effort: "M" },
};

export const KPI_AREA: Record<TKpiId, TArea> = {
  [KPI.ROLE_BASED_LOGINS_PCT]: "identity",
  [KPI.TEMPORARY_KEYS_PCT]: "identity",
  [KPI.OPEN_FINDINGS_ACCESS]: "identity",
  [KPI.ACCOUNTS_IN_OU_PCT]: "segregation",
  [KPI.OPEN_FINDINGS_SEGREGATION]: "segregation",
  [KPI.MGMT_WORKLOAD_SPEND]: "segregation",
  [KPI.UNTAGGED_SPEND_PCT]: "cost-controls",
  [KPI.SPEND_OVER_BUDGET]: "cost-controls",
  [KPI.COMMITMENT_COVERAGE_PCT]: "cost-controls",
  [KPI.COMMITMENT_UTILIZATION_PCT]: "cost-controls",
  [KPI.ACCOUNTS_IN_ORG_PCT]: "provisioning",
  [KPI.TIME_TO_COMPLIANT_MEDIAN_HOURS]: "provisioning",
  [KPI.TIME_TO_COMPLIANT_P90_HOURS]: "provisioning",
  [KPI.TIME_TO_COMPLIANT_FROM_APPROVAL_MEDIAN_HOURS]: "provisioning",
};

/** A check unknown to this table (a finding stored by a retired check) lands in its category's area. */
const CATEGORY_AREA: Record<string, TArea> = {
  "identity-access": "identity",
  segregation: "segregation",
  logging: "logging",
  organization: "segregation",
  "cost-tagging": "cost-controls",
};

export function checkPlaybook(checkId: string, category: string): TCheckPlaybook {
  return CHECK_PLAYBOOK[checkId] ?? { area: CATEGORY_AREA[category] ?? "guardrails", effort: "M" };
}
