// Collector configuration from the environment, validated once at start-up. Required tag keys come
// from settings (they are also what the checks read), everything else from ORGLENS_* variables.
import { z } from "zod";

const ZIntFromEnv = (fallback: number, min: number) =>
  z.coerce.number().int().min(min).default(fallback);

const ZList = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.string().regex(/^[a-z]{2,5}(-[a-z]+)+-\d+$/, "an AWS region such as eu-west-1"))
      .min(1),
  );

export const DEFAULT_ROLE_NAME = "OrgLensAudit";

export const ZAwsEnv = z.object({
  // The least-privilege role of docs/orglens-audit-role.json, never the admin OrganizationAccountAccessRole.
  ORGLENS_AWS_ROLE_NAME: z
    .string()
    .regex(/^[\w+=,.@/-]{1,64}$/, "an IAM role name")
    .default(DEFAULT_ROLE_NAME),
  ORGLENS_AWS_EXTERNAL_ID: z.string().min(2).max(1224).optional(),
  ORGLENS_AWS_REGIONS: ZList.optional(),
  AWS_REGION: z.string().optional(),
  ORGLENS_CE_HISTORY_MONTHS: ZIntFromEnv(14, 0).pipe(
    z.number().max(37, "Cost Explorer keeps at most 38 months"),
  ),
  ORGLENS_CE_MAX_REQUESTS: ZIntFromEnv(500, 1),
  ORGLENS_CE_DAILY_BY_SERVICE: z.enum(["true", "false"]).default("false"),
  ORGLENS_CE_PRICE_PER_REQUEST_USD: z
    .string()
    .regex(/^\d+(\.\d+)?$/)
    .default("0.01"),
  ORGLENS_AWS_CONCURRENCY: ZIntFromEnv(8, 1).pipe(z.number().max(64)),
  ORGLENS_AWS_MAX_ATTEMPTS: ZIntFromEnv(8, 1),
  ORGLENS_CONSOLE_LOGIN_DAYS: ZIntFromEnv(90, 1).pipe(
    z.number().max(90, "CloudTrail event history keeps 90 days"),
  ),
  ORGLENS_SECURITYHUB_ACCOUNT_ID: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  AWS_ENDPOINT_URL: z.url().optional(),
});

export interface AwsCollectorConfig {
  roleName: string;
  externalId?: string;
  /** Regions read for regional evidence; the first is the home region (Security Hub aggregator, STS). */
  regions: [string, ...string[]];
  historyMonths: number;
  ceMaxRequests: number;
  /** Daily spend by account × service (many pages) instead of by account. */
  dailyByService: boolean;
  cePricePerRequestUsd: string;
  concurrency: number;
  maxAttempts: number;
  consoleLoginDays: number;
  /** Security Hub aggregator; default: the delegated administrator for Security Hub, else the management account. */
  securityHubAccountId?: string;
  /** Explicit endpoint for every client (tests); AWS_ENDPOINT_URL is honoured by the SDK itself as well. */
  endpoint?: string;
  /** Refetch every month of history even when earlier runs stored final months. */
  forceBackfill: boolean;
  /** The run this collection belongs to: named in every member-account session (CloudTrail). */
  runId?: string;
}

export function loadAwsConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<AwsCollectorConfig> = {},
): AwsCollectorConfig {
  const e = ZAwsEnv.parse(env);
  const regions = e.ORGLENS_AWS_REGIONS ?? [e.AWS_REGION ?? "us-east-1"];
  const [home, ...rest] = regions;
  return {
    roleName: e.ORGLENS_AWS_ROLE_NAME,
    externalId: e.ORGLENS_AWS_EXTERNAL_ID,
    regions: [home ?? "us-east-1", ...rest],
    historyMonths: e.ORGLENS_CE_HISTORY_MONTHS,
    ceMaxRequests: e.ORGLENS_CE_MAX_REQUESTS,
    dailyByService: e.ORGLENS_CE_DAILY_BY_SERVICE === "true",
    cePricePerRequestUsd: e.ORGLENS_CE_PRICE_PER_REQUEST_USD,
    concurrency: e.ORGLENS_AWS_CONCURRENCY,
    maxAttempts: e.ORGLENS_AWS_MAX_ATTEMPTS,
    consoleLoginDays: e.ORGLENS_CONSOLE_LOGIN_DAYS,
    securityHubAccountId: e.ORGLENS_SECURITYHUB_ACCOUNT_ID,
    endpoint: e.AWS_ENDPOINT_URL,
    forceBackfill: false,
    ...overrides,
  };
}
