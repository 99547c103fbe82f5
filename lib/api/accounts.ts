// Shared between the route handlers and the client: the account list, detail and cost shapes.
import { z } from "zod";
import { ZAccountSecurityHub } from "./security-hub";
import { ZMoney, ZMonth } from "@/lib/domain/snapshot";

export const ZAccountId = z.string().regex(/^\d{12}$/, "a 12-digit AWS account id");

export const ZAccountListQuery = z.object({
  search: z.string().trim().max(100).optional(),
  /** An OU id: accounts anywhere under it. */
  ou: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type TAccountListQuery = z.infer<typeof ZAccountListQuery>;

export const ZAccountListItem = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  status: z.string(),
  ouId: z.string(),
  ouPath: z.string(),
  environment: z.string().nullable(),
  costCenter: z.string().nullable(),
  /** Unblended spend in `month` of the list (the last full month). */
  lastMonthSpend: ZMoney,
});

export const ZAccountList = z.object({
  month: ZMonth,
  /** Accounts matching, of which the first `limit` are listed. */
  total: z.number().int(),
  accounts: z.array(ZAccountListItem),
});
export type TAccountList = z.infer<typeof ZAccountList>;

const ZTimestamp = z.string();

export const ZTrustedPrincipal = z.object({
  kind: z.enum(["anyone", "aws", "service", "federated"]),
  principal: z.string(),
  /** AWS principals: the account they belong to (null when the ARN names none). */
  accountId: z.string().nullable(),
  /** self: this account; org: another account of the organization; known: imported inventory outside it; outside: unknown to OrgLens. */
  relation: z.enum(["self", "org", "known", "outside"]).nullable(),
  /** Name of the trusted account, when the caller may see it or it is in the inventory. */
  accountName: z.string().nullable(),
  /** sts:ExternalId or aws:PrincipalOrgID condition on the statement. */
  guarded: z.boolean(),
});
export type TTrustedPrincipal = z.infer<typeof ZTrustedPrincipal>;

export const ZAccountDetail = z.object({
  id: z.string(),
  /** Active Security Hub findings and enabled standards; null when never collected. */
  securityHub: ZAccountSecurityHub.nullable(),
  name: z.string(),
  email: z.string(),
  status: z.string(),
  joinedMethod: z.string(),
  joinedAt: ZTimestamp,
  removedAt: ZTimestamp.nullable(),
  isManagement: z.boolean(),
  environment: z.string().nullable(),
  costCenter: z.string().nullable(),
  tags: z.record(z.string(), z.string()),
  /** From the root down to the account's OU. */
  ouPath: z.array(z.object({ id: z.string(), name: z.string() })),
  placements: z.array(
    z.object({ ouId: z.string(), ouPath: z.string(), from: ZTimestamp, to: ZTimestamp.nullable() }),
  ),
  audit: z.object({ status: z.string(), error: z.string().nullable(), at: ZTimestamp.nullable() }),
  findings: z.array(
    z.object({
      id: z.string(),
      checkId: z.string(),
      severity: z.string(),
      category: z.string(),
      title: z.string(),
      status: z.string(),
      stale: z.boolean(),
      firstSeenAt: ZTimestamp,
      resolvedAt: ZTimestamp.nullable(),
      mutedUntil: ZTimestamp.nullable(),
      muteReason: z.string().nullable(),
      /** The name of the exception rule that excepts this open finding. */
      exceptedBy: z.string().nullable(),
    }),
  ),
  iamUsers: z.array(
    z.object({
      userName: z.string(),
      arn: z.string(),
      createdAt: ZTimestamp,
      passwordEnabled: z.boolean(),
      passwordLastUsed: ZTimestamp.nullable(),
      mfaActive: z.boolean(),
      accessKeys: z.array(
        z.object({
          slot: z.number().int(),
          keyId: z.string().nullable(),
          active: z.boolean(),
          lastRotated: ZTimestamp.nullable(),
          lastUsed: ZTimestamp.nullable(),
        }),
      ),
    }),
  ),
  roles: z.array(
    z.object({
      roleName: z.string(),
      arn: z.string(),
      path: z.string(),
      createdAt: ZTimestamp,
      trusts: z.array(ZTrustedPrincipal),
      /** Some principal outside the organization (or anyone) may assume it. */
      outsideTrust: z.boolean(),
    }),
  ),
  trails: z.array(
    z.object({
      arn: z.string(),
      name: z.string(),
      homeRegion: z.string(),
      isOrganizationTrail: z.boolean(),
      isMultiRegion: z.boolean(),
      isLogging: z.boolean(),
      s3BucketName: z.string().nullable(),
      /** false: an organization trail of another account that also logs this one. */
      inAccount: z.boolean(),
    }),
  ),
});
export type TAccountDetail = z.infer<typeof ZAccountDetail>;

/** Default: twelve full months and the current month to date, like the overview's trend. */
export const ZAccountCostsQuery = z.object({
  months: z.coerce.number().int().min(1).max(36).default(13),
});

export const ZAccountCosts = z.object({
  /** Oldest first; the last is the current month to date (estimated). */
  months: z.array(z.object({ month: ZMonth, total: ZMoney, estimated: z.boolean() })),
  /** Largest first; byMonth is aligned with months. */
  services: z.array(z.object({ service: z.string(), total: ZMoney, byMonth: z.array(ZMoney) })),
  total: ZMoney,
});
export type TAccountCosts = z.infer<typeof ZAccountCosts>;

/** Columns the accounts list sorts by. */
export const INVENTORY_SORTS = [
  "name",
  "ouPath",
  "environment",
  "owner",
  "costCenter",
  "spend",
  "change",
  "findings",
  "audit",
] as const;
export const AUDIT_STATUSES = ["audited", "failed", "skipped", "never"] as const;

/** Filters and order of the accounts list; the page and its CSV download share them. */
export const ZAccountInventoryQuery = z.object({
  /** Fragment of the name, id, email, OU path, owner or cost center. */
  search: z.string().trim().max(100).default(""),
  environment: z.string().trim().max(100).default(""),
  audit: z.enum(AUDIT_STATUSES).or(z.literal("")).default(""),
  sort: z.enum(INVENTORY_SORTS).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
});
export type TAccountInventoryQuery = z.infer<typeof ZAccountInventoryQuery>;

export const ZFindingCounts = z.object({
  critical: z.number().int(),
  high: z.number().int(),
  medium: z.number().int(),
  low: z.number().int(),
  info: z.number().int(),
});

export const ZAccountInventoryRow = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  status: z.string(),
  ouPath: z.string(),
  environment: z.string().nullable(),
  owner: z.string().nullable(),
  costCenter: z.string().nullable(),
  /** Unblended spend of the last full month, and of the month before it. */
  spend: ZMoney,
  previousSpend: ZMoney,
  /** Change from the month before, in percent; null when that month had no spend. */
  changePct: z.number().nullable(),
  /** Open findings that are not muted, by severity. */
  findings: ZFindingCounts,
  audit: z.enum(AUDIT_STATUSES),
  auditedAt: ZTimestamp.nullable(),
});
export type TAccountInventoryRow = z.infer<typeof ZAccountInventoryRow>;

export const ZAccountInventory = z.object({
  /** The last full month, and the one before it. */
  month: ZMonth,
  previousMonth: ZMonth,
  accounts: z.array(ZAccountInventoryRow),
});
export type TAccountInventory = z.infer<typeof ZAccountInventory>;
