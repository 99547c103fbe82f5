// What each check setting means, for the Settings → Checks page and the docs: every key of ZSettings
// has an entry (the type and settings-metadata.test.ts both fail when one is missing).
import { ZSettings, type TSettings } from "./settings";

export const SETTING_GROUPS = ["Tagging", "IAM", "Cost", "Guardrails", "KPIs", "Findings"] as const;
export type TSettingGroup = (typeof SETTING_GROUPS)[number];

export interface TSettingMeta {
  label: string;
  /** What the setting changes, in a sentence a platform engineer understands. */
  meaning: string;
  /** Unit of the value ("days", "USD per month", "share 0–1", "tag key", "list of tag keys" …). */
  unit: string;
  group: TSettingGroup;
}

export const SETTINGS_METADATA: Record<keyof TSettings, TSettingMeta> = {
  findingDueDays: {
    label: "Finding due dates by severity",
    meaning:
      "Days from when a finding first opened to its default due date when it is assigned (an explicit due date overrides it); past it, an open, unmuted finding is overdue.",
    unit: "severity = days",
    group: "Findings",
  },
  costCenterTagKey: {
    label: "Cost center tag key",
    meaning: "Account tag whose value is the account's cost center (showback, chargeback).",
    unit: "tag key",
    group: "Tagging",
  },
  environmentTagKey: {
    label: "Environment tag key",
    meaning:
      "Account tag whose value names the account's environment; read by the environment segregation and lateral-trust checks.",
    unit: "tag key",
    group: "Tagging",
  },
  environmentValueClasses: {
    label: "Environment value classes",
    meaning:
      "Which environment tag values count as prod, nonprod or sandbox: a value belongs to the class of the longest prefix it starts with (case-insensitive).",
    unit: "value prefix → class",
    group: "Tagging",
  },
  requiredTagKeys: {
    label: "Required tag keys",
    meaning:
      "Tags every account must carry, and that the tag policy must define and enforce (TAG_POLICY); the first one collected also measures untagged spend.",
    unit: "list of tag keys",
    group: "Tagging",
  },
  keyMaxAgeDays: {
    label: "Access key maximum age",
    meaning: "An active access key not rotated for longer than this is reported as long-lived.",
    unit: "days",
    group: "IAM",
  },
  keyMaxUnusedDays: {
    label: "Access key maximum unused time",
    meaning: "An active access key unused for longer than this is reported.",
    unit: "days",
    group: "IAM",
  },
  staleUserDays: {
    label: "Stale user threshold",
    meaning: "An IAM user with no password or key use for this long is stale.",
    unit: "days",
    group: "IAM",
  },
  rootRecentUseDays: {
    label: "Root user recent use window",
    meaning:
      "Any use of an account's root user (password or access key) within this window is reported.",
    unit: "days",
    group: "IAM",
  },
  keyUsageWindowDays: {
    label: "Key usage sample window",
    meaning:
      "Days of CloudTrail history sampled for long-term vs temporary key use (at most 90); read by the collector at its next run.",
    unit: "days",
    group: "IAM",
  },
  maxUntaggedShare: {
    label: "Maximum untagged spend share",
    meaning:
      "Share of an account's spend that may carry no value of the first required tag key before TAG_POLICY reports it.",
    unit: "share 0–1",
    group: "Cost",
  },
  mgmtWorkloadSpendThreshold: {
    label: "Management account workload spend",
    meaning: "Monthly workload spend tolerated in the management account before it is reported.",
    unit: "USD per month",
    group: "Cost",
  },
  identityAccountMaxWorkloadSpend: {
    label: "Identity account workload spend",
    meaning:
      "Monthly spend outside identity and security services tolerated in the Identity Center admin account.",
    unit: "USD per month",
    group: "Cost",
  },
  budgetVariancePercent: {
    label: "Budget variance",
    meaning: "Budget overrun that raises a finding.",
    unit: "percent",
    group: "Cost",
  },
  dailyCostHistoryDays: {
    label: "Daily cost history",
    meaning:
      "Days of daily cost (by account, today included) the collector keeps from Cost Explorer and the daily views show (cost anomaly detection looks back as far, at most 90 days); a longer window is backfilled at the next run, then only days not final yet are fetched again.",
    unit: "days",
    group: "Cost",
  },
  lateCorrectionMonths: {
    label: "Late corrections refetched",
    meaning:
      "Final months before the current one asked for again once a calendar month, because AWS still revises them (credits, refunds, tax); a change in a closed chargeback period becomes an adjustment line. 0 turns the refetch off.",
    unit: "months",
    group: "Cost",
  },
  envMixMinShare: {
    label: "Environment mixing minimum share",
    meaning:
      "Share of an account's spend a second environment tag value must reach to count as mixing environments.",
    unit: "share 0–1",
    group: "Cost",
  },
  securityHubMaxActiveHigh: {
    label: "Security Hub high findings tolerated",
    meaning:
      "Active high-severity Security Hub findings tolerated in an account (any critical one is reported).",
    unit: "findings",
    group: "Guardrails",
  },
  scpBaselineDeniedActions: {
    label: "SCP deny list",
    meaning:
      "Actions a service control policy must deny, without condition, above every member account.",
    unit: "list of IAM actions",
    group: "Guardrails",
  },
  provisioningWindowDays: {
    label: "Provisioning KPI window",
    meaning: "Account creations (by creation date) that the time-to-compliant KPIs cover.",
    unit: "days",
    group: "KPIs",
  },
};

/** Every setting key, in the order of ZSettings. */
export const SETTING_KEYS = ZSettings.keyof().options;
