// Settings with defaults: thresholds live here once, and every check or store step reads them.
import { z } from "zod";

export const ZSettings = z.object({
  /** Account tag whose value is the account's cost center. */
  costCenterTagKey: z.string().trim().min(1).default("cost-center"),
  /** Account tag whose value is the account's environment (prod, dev, test …). */
  environmentTagKey: z.string().trim().min(1).default("environment"),
  /**
   * Environment tag values and the class each names: a value counts when it starts with the prefix
   * (case-insensitive; the longest matching prefix wins, so "nonprod" beats "prod"). Values matching
   * no prefix (e.g. "shared") name no environment.
   */
  environmentValueClasses: z
    .record(z.string().trim().min(1).max(64), z.enum(["prod", "nonprod", "sandbox"]))
    .refine((m) => Object.keys(m).length > 0, "at least one value")
    .default({
      sandbox: "sandbox",
      sbx: "sandbox",
      playground: "sandbox",
      experiment: "sandbox",
      nonprod: "nonprod",
      "non-prod": "nonprod",
      non_prod: "nonprod",
      "non prod": "nonprod",
      preprod: "nonprod",
      "pre-prod": "nonprod",
      pre_prod: "nonprod",
      "pre prod": "nonprod",
      dev: "nonprod",
      test: "nonprod",
      stag: "nonprod",
      qa: "nonprod",
      uat: "nonprod",
      sdlc: "nonprod",
      prod: "prod",
      prd: "prod",
      live: "prod",
    }),
  /** Tags every account must carry. */
  requiredTagKeys: z.array(z.string().trim().min(1)).default(["owner", "project", "cost-center"]),
  /** Key age (days since rotation) above which an active key is long-lived. */
  keyMaxAgeDays: z.number().int().positive().default(90),
  /** Days without use after which an active key is flagged. */
  keyMaxUnusedDays: z.number().int().positive().default(45),
  /** Days of total inactivity that make an IAM user stale. */
  staleUserDays: z.number().int().positive().default(90),
  /** Share (0-1) of an account's spend that may be untagged. */
  maxUntaggedShare: z.number().min(0).max(1).default(0.2),
  /** Monthly workload spend (USD) tolerated in the management account. */
  mgmtWorkloadSpendThreshold: z.number().nonnegative().default(100),
  /** Budget overrun (percent) that raises a finding. */
  budgetVariancePercent: z.number().nonnegative().default(10),
  /** Share (0-1) of spend a second environment tag value must reach to count as mixing. */
  envMixMinShare: z.number().min(0).max(1).default(0.05),
  /** Monthly spend (USD) outside identity/security services tolerated in the Identity Center admin account. */
  identityAccountMaxWorkloadSpend: z.number().nonnegative().default(100),
  /** Active high-severity Security Hub findings tolerated in an account (any critical one is reported). */
  securityHubMaxActiveHigh: z.number().int().nonnegative().default(5),
  /** Window (days, by creation date) of account creations the time-to-compliant KPIs cover. */
  provisioningWindowDays: z.number().int().positive().default(90),
  /**
   * Days of daily cost (by account and service) the collector keeps fetched, today included: the
   * first run backfills them, later runs fetch only days not final yet. Cost Explorer serves daily
   * figures for the last 13 months.
   */
  dailyCostHistoryDays: z.number().int().positive().max(390).default(90),
  /**
   * Final months (before the current one) Cost Explorer is asked for again once a calendar month,
   * because AWS still revises them (credits, refunds, tax). 0 turns the refetch off.
   */
  lateCorrectionMonths: z.number().int().nonnegative().max(12).default(3),
  /** Days of CloudTrail event history sampled for temporary vs long-term key use (at most 90). */
  keyUsageWindowDays: z.number().int().positive().max(90).default(7),
  /** Days within which any use of an account's root user (password or access key) is reported. */
  rootRecentUseDays: z.number().int().positive().default(30),
  /** Actions an SCP must deny, without condition, above every member account (GUARDRAIL_SCP_BASELINE). */
  scpBaselineDeniedActions: z
    .array(z.string().trim().min(1))
    .min(1)
    .default(["iam:CreateUser", "iam:CreateAccessKey", "organizations:LeaveOrganization"]),
  /**
   * Days, per severity, a finding may stay open before it is overdue. Counted from when the finding
   * first opened (not from when it was assigned, so re-assigning never resets the clock); applied when
   * an owner is assigned without an explicit due date.
   */
  findingDueDays: z
    .object({
      critical: z.number().int().positive().max(3650),
      high: z.number().int().positive().max(3650),
      medium: z.number().int().positive().max(3650),
      low: z.number().int().positive().max(3650),
      info: z.number().int().positive().max(3650),
    })
    .default({ critical: 7, high: 30, medium: 90, low: 180, info: 365 }),
});

export type TSettings = z.infer<typeof ZSettings>;

export const DEFAULT_SETTINGS: TSettings = ZSettings.parse({});
