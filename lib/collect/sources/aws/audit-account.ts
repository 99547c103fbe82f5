// One member account's evidence. Any failure (role missing, access denied, retries exhausted) marks
// this account "failed" with the reason; the run goes on with the others.
import type { TAccountAudit, TBucket } from "@/lib/domain/snapshot";
import { readBaseline } from "./baseline";
import { listOwnBuckets, readBudgets, readIdentityCenter } from "./account-services";
import type { AwsClients } from "./clients";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import { readConsoleLogins, readKeyUsage, readTrails } from "./cloudtrail";
import type { AwsCollectorConfig } from "./config";
import type { ReportOptions } from "./credential-report";
import { AccountAuditError, describeAwsError } from "./errors";
import { readIam, readIdentityProviders } from "./iam";
import type { RunNotes } from "./notes";
import { readEnabledStandards, securityHubFor, type HubSummary } from "./security-hub";
import type { AccountSessions } from "./sessions";
import type { RequestMeter } from "./meter";
import { ownTrailBuckets, readTrailBucket } from "./trail-buckets";

export interface AuditContext {
  sessions: AccountSessions;
  config: AwsCollectorConfig;
  notes: RunNotes;
  hub: HubSummary | null;
  now: Date;
  report?: ReportOptions;
  /** The run's request meter: distributed runs add the workers' counts to it. */
  meter?: RequestMeter;
  /** Days of CloudTrail history sampled for key use (setting keyUsageWindowDays). */
  keyUsageDays?: number;
}

export interface AccountAuditResult {
  audit: TAccountAudit;
  /** Buckets the account owns: where a trail's bucket is read. */
  bucketNames: string[];
  /**
   * The buckets of the account's own trails that it owns, read here with the account's session (in
   * parallel with the other accounts, no pass over every bucket after the audits).
   */
  buckets: TBucket[];
}

export function failedAudit(
  accountId: string,
  error: string,
  status: "failed" | "skipped" = "failed",
): TAccountAudit {
  return {
    accountId,
    status,
    error,
    iamUsers: [],
    rootUser: null,
    roles: [],
    trails: [],
    securityHub: null,
    identityCenterInstances: [],
    identityProviders: null,
    budgets: [],
    consoleLogins: null,
    baseline: [],
  };
}

async function collect(ctx: AuditContext, clients: AwsClients): Promise<AccountAuditResult> {
  const { config, notes, now } = ctx;
  const id = clients.accountId;
  // The reads wait on the network, not on each other: one account's calls go out together, so an
  // account costs its longest chain of round trips rather than the sum of them all.
  const reads = {
    iam: notes.optional(id, "iam:GetAccountAuthorizationDetails", () =>
      readIam(clients.iam(), now, ctx.report),
    ),
    identityProviders: notes.optional(id, "iam:ListSAMLProviders", () =>
      readIdentityProviders(clients.iam()),
    ),
    trails: notes.optional(id, "cloudtrail:DescribeTrails", () =>
      readTrails(clients, config.regions),
    ),
    identityCenter: notes.optional(id, "sso-admin:ListInstances", () =>
      readIdentityCenter(clients),
    ),
    budgets: notes.optional(id, "budgets:DescribeBudgets", () => readBudgets(clients)),
    logins: notes.optional(id, "cloudtrail:LookupEvents", () =>
      readConsoleLogins(clients, config.regions, config.consoleLoginDays, now),
    ),
    baseline: readBaseline(clients, config.regions, notes),
    bucketNames: notes.optional(id, "s3:ListBuckets", () => listOwnBuckets(clients)),
    standards: notes.optional(id, "securityhub:GetEnabledStandards", () =>
      readEnabledStandards(clients, clients.homeRegion, notes),
    ),
  };
  // Let every read settle before any failure is raised: none keeps running on clients that the
  // caller destroys next. The awaits below then raise the first failure in the order listed above.
  await Promise.allSettled(Object.values(reads));
  const iam = await reads.iam;
  const identityProviders = await reads.identityProviders;
  const trails = await reads.trails;
  const identityCenterInstances = await reads.identityCenter;
  const budgets = await reads.budgets;
  const logins = await reads.logins;
  const baseline = await reads.baseline;
  const bucketNames = await reads.bucketNames;
  const standards = await reads.standards;
  if (iam && !iam.root)
    notes.add(
      id,
      "iam",
      "the credential report has no <root_account> row: the root user is not checked",
    );

  const keyDays = ctx.keyUsageDays ?? DEFAULT_SETTINGS.keyUsageWindowDays;
  const keysRead = logins
    ? notes.optional(id, "cloudtrail:LookupEvents", () =>
        readKeyUsage(clients, config.regions, keyDays, now),
      )
    : Promise.resolve(null);
  // The account's own trail buckets, read alongside the key sample while its session is at hand.
  const bucketsRead = Promise.all(
    ownTrailBuckets(trails ?? [], bucketNames ?? []).map((name) => readTrailBucket(clients, name)),
  );
  await Promise.allSettled([keysRead, bucketsRead]);
  const keys = await keysRead;
  const bucketReads = await bucketsRead;
  for (const { note } of bucketReads)
    if (note) notes.add(note.account, "trail-bucket", note.message);
  return {
    audit: {
      accountId: id,
      status: "audited",
      error: null,
      iamUsers: iam?.users ?? [],
      rootUser: iam?.root ?? null,
      roles: iam?.roles ?? [],
      trails: trails ?? [],
      securityHub: securityHubFor(ctx.hub, id, standards ?? null),
      identityCenterInstances: identityCenterInstances ?? [],
      identityProviders,
      budgets: budgets ?? [],
      baseline,
      consoleLogins: logins
        ? {
            windowDays: config.consoleLoginDays,
            byIdentityType: logins,
            longTermKeysInUse: keys?.longTerm ?? null,
            temporaryKeysInUse: keys?.temporary ?? null,
          }
        : null,
    },
    bucketNames: bucketNames ?? [],
    buckets: bucketReads.flatMap((r) => (r.bucket ? [r.bucket] : [])),
  };
}

export async function auditAccount(
  ctx: AuditContext,
  accountId: string,
): Promise<AccountAuditResult> {
  let clients: AwsClients | undefined;
  try {
    clients = await ctx.sessions.clientsFor(accountId);
    return await collect(ctx, clients);
  } catch (err) {
    const reason = err instanceof AccountAuditError ? err.message : describeAwsError(err);
    return { audit: failedAudit(accountId, reason.slice(0, 2000)), bucketNames: [], buckets: [] };
  } finally {
    if (clients) ctx.sessions.release(clients);
  }
}
