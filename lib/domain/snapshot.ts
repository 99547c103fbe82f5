// The Snapshot: plain, validated data that every source (aws, demo, focus) produces and that
// store, checks and KPIs consume. No I/O here.
import { z } from "zod";

export const ZAccountId = z.string().regex(/^\d{12}$/, "an AWS account id has 12 digits");
/** Exact decimal amount as a string (never a float): "12.3456789". */
export const ZMoney = z.string().regex(/^-?\d+(\.\d+)?$/, "a decimal amount");
/** UTC first-of-month date, "YYYY-MM-01". */
export const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-01$/, "a month as YYYY-MM-01");
export const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");
export const ZTimestamp = z.iso.datetime({ offset: true });
export const ZTags = z.record(z.string(), z.string());

export const ZOrganization = z.object({
  id: z.string().min(1),
  arn: z.string().optional(),
  managementAccountId: ZAccountId,
  featureSet: z.enum(["ALL", "CONSOLIDATED_BILLING"]).default("ALL"),
});

/** Root and OUs share one shape; the root has parentId null. */
export const ZOrgUnit = z.object({
  id: z.string().min(1),
  parentId: z.string().nullable(),
  name: z.string(),
  tags: ZTags.default({}),
});

export const ZAccountStatus = z.enum(["ACTIVE", "SUSPENDED", "PENDING_CLOSURE", "CLOSED"]);

export const ZAccount = z.object({
  id: ZAccountId,
  name: z.string(),
  email: z.string(),
  status: ZAccountStatus,
  joinedMethod: z.enum(["INVITED", "CREATED"]),
  joinedAt: ZTimestamp,
  parentId: z.string().min(1),
  tags: ZTags.default({}),
});

/** A closed past placement (demo and imports); current placement comes from Account.parentId. */
export const ZPlacement = z.object({
  accountId: ZAccountId,
  parentId: z.string().min(1),
  from: ZTimestamp,
  to: ZTimestamp,
});

export const ZPolicyType = z.enum([
  "SERVICE_CONTROL_POLICY",
  "RESOURCE_CONTROL_POLICY",
  "TAG_POLICY",
  "BACKUP_POLICY",
  "AISERVICES_OPT_OUT_POLICY",
]);

export const ZPolicy = z.object({
  id: z.string().min(1),
  type: ZPolicyType,
  name: z.string(),
  description: z.string().default(""),
  awsManaged: z.boolean().default(false),
  /** The policy document as JSON text, exactly as AWS returns it. */
  content: z.string(),
  targets: z.array(
    z.object({
      targetId: z.string(),
      targetType: z.enum(["ROOT", "ORGANIZATIONAL_UNIT", "ACCOUNT"]),
    }),
  ),
});

export const ZDelegatedAdmin = z.object({
  accountId: ZAccountId,
  servicePrincipal: z.string(),
  delegatedAt: ZTimestamp.nullable(),
});

export const ZCreateAccountStatus = z.object({
  id: z.string(),
  accountName: z.string(),
  accountId: ZAccountId.nullable(),
  state: z.enum(["IN_PROGRESS", "SUCCEEDED", "FAILED"]),
  requestedAt: ZTimestamp,
  completedAt: ZTimestamp.nullable(),
  failureReason: z.string().nullable(),
});

const ZCostAmounts = z.object({ unblended: ZMoney, amortized: ZMoney, net: ZMoney });

export const ZCostMonthly = ZCostAmounts.extend({
  accountId: ZAccountId,
  month: ZMonth,
  service: z.string(),
  estimated: z.boolean(),
});

export const ZCostDaily = ZCostAmounts.extend({
  accountId: ZAccountId,
  day: ZDay,
  service: z.string(),
});

/** Spend of one account by one tag value; tagValue "" is the untagged bucket. */
export const ZCostByTag = ZCostAmounts.extend({
  accountId: ZAccountId,
  month: ZMonth,
  tagKey: z.string().min(1),
  tagValue: z.string(),
  estimated: z.boolean(),
});

/** The Cost Explorer dimensions collected per account and month beside services and tags. */
export const COST_DIMENSIONS = ["RECORD_TYPE", "REGION"] as const;
export const ZCostDimension = z.enum(COST_DIMENSIONS);

/** Spend of one account by one value of a dimension (a charge type, a region; "" = none). */
export const ZCostByDimension = ZCostAmounts.extend({
  accountId: ZAccountId,
  month: ZMonth,
  dimension: ZCostDimension,
  value: z.string(),
  estimated: z.boolean(),
});

/** Charges of one record type other than plain Usage, per account and service. */
export const ZCostCharge = ZCostAmounts.extend({
  accountId: ZAccountId,
  month: ZMonth,
  service: z.string(),
  recordType: z.string().min(1),
  estimated: z.boolean(),
});

export const ZCosts = z.object({
  currency: z.string().default("USD"),
  /** Months this snapshot carries authoritative monthly data for; store replaces exactly these. */
  months: z.array(ZMonth),
  /** Days this snapshot carries authoritative daily data for. */
  days: z.array(ZDay).default([]),
  /** Tag keys this snapshot carries cost-by-tag data for. */
  tagKeys: z.array(z.string()).default([]),
  /** Months a tag key's data is authoritative for when they are not `months` (a new key's backfill). */
  tagKeyMonths: z.record(z.string(), z.array(ZMonth)).default({}),
  monthly: z.array(ZCostMonthly),
  daily: z.array(ZCostDaily).default([]),
  byTag: z.array(ZCostByTag).default([]),
  /** Months each dimension's data is authoritative for (charges follow RECORD_TYPE's months). */
  dimensionMonths: z.partialRecord(ZCostDimension, z.array(ZMonth)).default({}),
  byDimension: z.array(ZCostByDimension).default([]),
  charges: z.array(ZCostCharge).default([]),
  /**
   * The late-correction schedule this snapshot settles: `full` for a backfill (every month fetched),
   * otherwise the final months asked for again because AWS still revises them. Absent: not settled.
   */
  refetch: z.object({ full: z.boolean(), months: z.array(ZMonth) }).optional(),
});

export const ZCommitmentKind = z.enum(["savings_plan", "reserved_instance"]);

/** Savings Plans (usd) or Reserved Instances (hours) coverage of one account in one month. */
export const ZCommitmentCoverage = z.object({
  accountId: ZAccountId,
  month: ZMonth,
  kind: ZCommitmentKind,
  covered: ZMoney,
  total: ZMoney,
  unit: z.enum(["usd", "hours"]),
  onDemandCost: ZMoney,
});

/** One Savings Plan (ARN) or RI subscription in one month, owned by `accountId`. */
export const ZCommitmentUsage = z.object({
  commitmentId: z.string().min(1),
  month: ZMonth,
  kind: ZCommitmentKind,
  accountId: ZAccountId,
  description: z.string().default(""),
  commitment: ZMoney,
  used: ZMoney,
  unused: ZMoney,
  startsAt: ZTimestamp.nullable(),
  endsAt: ZTimestamp.nullable(),
});

export const ZCommitmentOrgMonth = z.object({
  month: ZMonth,
  kind: ZCommitmentKind,
  commitment: ZMoney,
  used: ZMoney,
  unused: ZMoney,
});

/** Savings Plans and Reserved Instances; `months` are replaced exactly, like cost months. */
export const ZCommitments = z.object({
  months: z.array(ZMonth).default([]),
  coverage: z.array(ZCommitmentCoverage).default([]),
  usage: z.array(ZCommitmentUsage).default([]),
  orgMonths: z.array(ZCommitmentOrgMonth).default([]),
  /** Per kind: read ("ok"), not permitted ("denied"), or failed ("error"); absent when not attempted. */
  status: z
    .array(
      z.object({
        kind: ZCommitmentKind,
        status: z.enum(["ok", "denied", "error"]),
        message: z.string().default(""),
      }),
    )
    .default([]),
});

export const ZAccessKey = z.object({
  /** Key id when known (GetAccountAuthorizationDetails does not give it; the credential report gives slots 1/2). */
  keyId: z.string().nullable(),
  slot: z.number().int().min(1),
  active: z.boolean(),
  lastRotated: ZTimestamp.nullable(),
  lastUsed: ZTimestamp.nullable(),
});

export const ZIamUser = z.object({
  userName: z.string(),
  arn: z.string(),
  createdAt: ZTimestamp,
  passwordEnabled: z.boolean(),
  passwordLastUsed: ZTimestamp.nullable(),
  mfaActive: z.boolean(),
  accessKeys: z.array(ZAccessKey),
});

/** The account's root user, from the credential report's <root_account> row. */
export const ZRootUser = z.object({
  arn: z.string(),
  mfaActive: z.boolean(),
  /** The report gives root's password state as "not_supported"; only its last use is known. */
  passwordLastUsed: ZTimestamp.nullable(),
  /** Root access keys (slots 1/2) that exist, active or not; the report gives no key ids. */
  accessKeys: z.array(ZAccessKey),
});

export const ZPolicyDocument = z.object({
  Version: z.string().optional(),
  Statement: z.union([
    z.array(z.record(z.string(), z.unknown())),
    z.record(z.string(), z.unknown()),
  ]),
});

export const ZIamRole = z.object({
  roleName: z.string(),
  arn: z.string(),
  path: z.string().default("/"),
  createdAt: ZTimestamp,
  /** Trust policy, URL-decoded and parsed. */
  trustPolicy: ZPolicyDocument,
  attachedPolicyArns: z.array(z.string()),
  inlinePolicies: z.array(z.object({ name: z.string(), document: ZPolicyDocument })),
  /** Default versions of the attached customer managed policies (AWS managed ones are known by ARN). */
  managedPolicies: z.array(z.object({ arn: z.string(), document: ZPolicyDocument })).default([]),
});

/** name: the SAML provider's name, or the OIDC issuer (host and path, no https://). */
export const ZIdentityProvider = z.object({
  arn: z.string(),
  type: z.enum(["SAML", "OIDC"]),
  name: z.string(),
});

export const ZTrail = z.object({
  arn: z.string(),
  name: z.string(),
  homeRegion: z.string(),
  isOrganizationTrail: z.boolean(),
  isMultiRegion: z.boolean(),
  isLogging: z.boolean(),
  includesManagementEvents: z.boolean(),
  s3BucketName: z.string().nullable(),
});

export const ZBucketPolicy = z.discriminatedUnion("status", [
  z.object({ status: z.literal("present"), document: ZPolicyDocument }),
  z.object({ status: z.literal("none") }),
  z.object({ status: z.literal("unknown"), reason: z.string() }),
]);

export const ZBucket = z.object({
  name: z.string(),
  ownerAccountId: ZAccountId.nullable(),
  objectLockEnabled: z.boolean(),
  versioning: z.enum(["Enabled", "Suspended", "Disabled"]),
  publicAccessBlock: z.object({
    blockPublicAcls: z.boolean(),
    ignorePublicAcls: z.boolean(),
    blockPublicPolicy: z.boolean(),
    restrictPublicBuckets: z.boolean(),
  }),
  /**
   * GetBucketPolicy: "none" when the bucket has no policy (NoSuchBucketPolicy); "unknown" when it could
   * not be read (AccessDenied …, or a snapshot from before policies were read): never judged either way.
   */
  policy: ZBucketPolicy.default({ status: "unknown", reason: "not read" }),
});

export const ZSecurityHub = z.object({
  enabled: z.boolean(),
  /** Active findings by severity label, from the aggregator. */
  findings: z.object({
    critical: z.number().int(),
    high: z.number().int(),
    medium: z.number().int(),
    low: z.number().int(),
  }),
  /** ARNs of the standards enabled in the account (GetEnabledStandards in the account); null when not read. */
  standards: z.array(z.string()).nullable().default(null),
});

export const ZAwsBudget = z.object({
  name: z.string(),
  limit: ZMoney,
  timeUnit: z.string(),
  actual: ZMoney.nullable(),
  forecast: ZMoney.nullable(),
  /** Accounts a LinkedAccount filter limits the budget to (a payer's budget watching members); [] = its own account. */
  linkedAccountIds: z.array(ZAccountId).default([]),
});

export const ZConsoleLogins = z.object({
  windowDays: z.number().int().positive(),
  /** Count of ConsoleLogin events by userIdentity.type (IAMUser, AssumedRole, Root, …). */
  byIdentityType: z.record(z.string(), z.number().int().nonnegative()),
  /**
   * API calls signed with long-term (AKIA…) vs temporary (ASIA…) access keys, in a bounded sample of
   * the account's CloudTrail write events over the key-usage window; events without a key (AWS
   * service events) are not counted. null when not sampled.
   */
  longTermKeysInUse: z.number().int().nonnegative().nullable(),
  temporaryKeysInUse: z.number().int().nonnegative().nullable(),
});

/** The account baseline the playbook asks of every account, one control (in one region) at a time. */
export const BASELINE_CONTROLS = [
  "guardduty",
  "config-recorder",
  "ebs-default-encryption",
  "s3-account-public-access-block",
  "iam-password-policy",
] as const;
export const ZBaselineControl = z.object({
  control: z.enum(BASELINE_CONTROLS),
  /** null for account-wide controls (S3 account Block Public Access, IAM password policy). */
  region: z.string().nullable(),
  /** "unknown": the read was denied or not supported; never a violation by itself. */
  status: z.enum(["on", "off", "unknown"]),
  detail: z.string().default(""),
});

/** GuardDuty's organization configuration, read in the delegated administrator account per region. */
export const ZGuardDutyOrganization = z.object({
  adminAccountId: ZAccountId,
  region: z.string(),
  /** AutoEnableOrganizationMembers: ALL enables every member, NEW only accounts that join later. */
  autoEnable: z.enum(["ALL", "NEW", "NONE"]),
});

export const ZAccountAudit = z.object({
  accountId: ZAccountId,
  status: z.enum(["audited", "failed", "skipped"]),
  /** Why the account could not be audited (AccessDenied, missing role …). */
  error: z.string().nullable().default(null),
  iamUsers: z.array(ZIamUser).default([]),
  /** Null when not collected (no credential report, or a report without the root row, as moto's). */
  rootUser: ZRootUser.nullable().default(null),
  roles: z.array(ZIamRole).default([]),
  trails: z.array(ZTrail).default([]),
  securityHub: ZSecurityHub.nullable().default(null),
  identityCenterInstances: z
    .array(z.object({ instanceArn: z.string(), identityStoreId: z.string() }))
    .default([]),
  /** IAM SAML and OIDC identity providers (ListSAMLProviders, ListOpenIDConnectProviders); null when not read. */
  identityProviders: z.array(ZIdentityProvider).nullable().default(null),
  budgets: z.array(ZAwsBudget).default([]),
  consoleLogins: ZConsoleLogins.nullable().default(null),
  baseline: z.array(ZBaselineControl).default([]),
});

export const ZSnapshot = z.object({
  source: z.enum(["aws", "demo"]),
  collectedAt: ZTimestamp,
  organization: ZOrganization,
  orgUnits: z.array(ZOrgUnit),
  accounts: z.array(ZAccount),
  placementHistory: z.array(ZPlacement).default([]),
  policies: z.array(ZPolicy).default([]),
  delegatedAdmins: z.array(ZDelegatedAdmin).default([]),
  createAccountStatuses: z.array(ZCreateAccountStatus).default([]),
  costs: ZCosts,
  commitments: ZCommitments.default({
    months: [],
    coverage: [],
    usage: [],
    orgMonths: [],
    status: [],
  }),
  audits: z.array(ZAccountAudit).default([]),
  /** Trail buckets, read in the account that owns them. */
  buckets: z.array(ZBucket).default([]),
  guardDutyOrganization: z.array(ZGuardDutyOrganization).default([]),
});

export type TSnapshot = z.infer<typeof ZSnapshot>;
export type TSnapshotInput = z.input<typeof ZSnapshot>;
export type TOrgUnit = z.infer<typeof ZOrgUnit>;
export type TAccount = z.infer<typeof ZAccount>;
export type TPolicy = z.infer<typeof ZPolicy>;
export type TCostMonthly = z.infer<typeof ZCostMonthly>;
export type TCostDaily = z.infer<typeof ZCostDaily>;
export type TCostByTag = z.infer<typeof ZCostByTag>;
export type TCommitmentKind = z.infer<typeof ZCommitmentKind>;
export type TCommitments = z.infer<typeof ZCommitments>;
export type TCommitmentCoverage = z.infer<typeof ZCommitmentCoverage>;
export type TCommitmentUsage = z.infer<typeof ZCommitmentUsage>;
export type TCostDimension = z.infer<typeof ZCostDimension>;
export type TCostByDimension = z.infer<typeof ZCostByDimension>;
export type TCostCharge = z.infer<typeof ZCostCharge>;
export type TAccountAudit = z.infer<typeof ZAccountAudit>;
export type TIamUser = z.infer<typeof ZIamUser>;
export type TRootUser = z.infer<typeof ZRootUser>;
export type TIamRole = z.infer<typeof ZIamRole>;
export type TTrail = z.infer<typeof ZTrail>;
export type TIdentityProvider = z.infer<typeof ZIdentityProvider>;
export type TBucket = z.infer<typeof ZBucket>;
export type TBucketPolicy = z.infer<typeof ZBucketPolicy>;
export type TPolicyDocument = z.infer<typeof ZPolicyDocument>;
export type TBaselineControl = z.infer<typeof ZBaselineControl>;
export type TGuardDutyOrganization = z.infer<typeof ZGuardDutyOrganization>;

/** Validates a snapshot, with the field path in the error message. */
export function parseSnapshot(input: unknown): TSnapshot {
  return ZSnapshot.parse(input);
}
