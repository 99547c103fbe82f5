// The last stored state read back into a snapshot, for a re-evaluation: checks and KPIs run again
// over the evidence the last collection stored, without calling AWS. Only reads.
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { monthOf } from "@/lib/domain/months";
import {
  ZAccessKey,
  ZBucket,
  ZConsoleLogins,
  ZIamRole,
  ZPolicyDocument,
  ZTags,
  type TAccountAudit,
  type TSnapshot,
} from "@/lib/domain/snapshot";
import { groupBy } from "@/lib/domain/collections";
import { bucketPolicyOf } from "@/lib/collect/store/bucket-policy-columns";

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const ZPolicyText = z.object({ raw: z.string() });
const ZStatus = z.enum(["ACTIVE", "SUSPENDED", "PENDING_CLOSURE", "CLOSED"]);
const ZJoined = z.enum(["INVITED", "CREATED"]);
const ZTargetType = z.enum(["ROOT", "ORGANIZATIONAL_UNIT", "ACCOUNT"]);
const ZPolicyType = z.enum([
  "SERVICE_CONTROL_POLICY",
  "RESOURCE_CONTROL_POLICY",
  "TAG_POLICY",
  "BACKUP_POLICY",
  "AISERVICES_OPT_OUT_POLICY",
]);
const ZAuditStatus = z.enum(["audited", "failed", "skipped"]);

/** Policy content is stored parsed; text that never parsed is kept as { raw }. */
function policyText(content: unknown): string {
  const raw = ZPolicyText.safeParse(content);
  return raw.success ? raw.data.raw : JSON.stringify(content);
}

export async function readStoredSnapshot(
  db: Prisma.TransactionClient,
  source: TSnapshot["source"],
): Promise<TSnapshot> {
  const org = await db.organization.findFirst();
  if (!org) throw new Error("No collected data to re-evaluate: run a collection first.");
  // The last collection's time: it marks every account it saw.
  const last = await db.account.aggregate({
    where: { removedAt: null },
    _max: { lastSeenAt: true },
  });
  const now = last._max.lastSeenAt ?? new Date();
  const [ous, accounts, placements, policies, delegated, creations, buckets] = await Promise.all([
    db.orgUnit.findMany({ where: { removedAt: null }, orderBy: { depth: "asc" } }),
    db.account.findMany({ where: { removedAt: null }, orderBy: { id: "asc" } }),
    db.accountPlacement.findMany({ where: { validTo: { not: null } } }),
    db.policy.findMany({ include: { targets: true }, orderBy: { id: "asc" } }),
    db.delegatedAdmin.findMany(),
    db.accountCreation.findMany(),
    db.trailBucket.findMany(),
  ]);

  return {
    source,
    collectedAt: now.toISOString(),
    organization: {
      id: org.id,
      arn: org.arn ?? undefined,
      managementAccountId: org.managementAccountId,
      featureSet: org.featureSet === "CONSOLIDATED_BILLING" ? "CONSOLIDATED_BILLING" : "ALL",
    },
    orgUnits: ous.map((o) => ({
      id: o.id,
      parentId: o.parentId,
      name: o.name,
      tags: ZTags.parse(o.tags),
    })),
    accounts: accounts.map((a) => ({
      id: a.id,
      name: a.name,
      email: a.email,
      status: ZStatus.parse(a.status),
      joinedMethod: ZJoined.parse(a.joinedMethod),
      joinedAt: a.joinedAt.toISOString(),
      parentId: a.ouId,
      tags: ZTags.parse(a.tags),
    })),
    placementHistory: placements.flatMap((p) =>
      p.validTo
        ? [
            {
              accountId: p.accountId,
              parentId: p.ouId,
              from: p.validFrom.toISOString(),
              to: p.validTo.toISOString(),
            },
          ]
        : [],
    ),
    policies: policies.map((p) => ({
      id: p.id,
      type: ZPolicyType.parse(p.type),
      name: p.name,
      description: p.description,
      awsManaged: p.awsManaged,
      content: policyText(p.content),
      targets: p.targets.map((t) => ({
        targetId: t.targetId,
        targetType: ZTargetType.parse(t.targetType),
      })),
    })),
    delegatedAdmins: delegated.map((d) => ({
      accountId: d.accountId,
      servicePrincipal: d.servicePrincipal,
      delegatedAt: iso(d.delegatedAt),
    })),
    createAccountStatuses: creations.map((c) => ({
      id: c.id,
      accountName: c.accountName,
      accountId: c.accountId,
      state: z.enum(["IN_PROGRESS", "SUCCEEDED", "FAILED"]).parse(c.state),
      requestedAt: c.requestedAt.toISOString(),
      completedAt: iso(c.completedAt),
      failureReason: c.failureReason,
    })),
    costs: await readCurrentMonthCosts(db, source, now),
    // Empty months: a re-evaluation replaces no commitment data (the KPIs read it from the store).
    commitments: { months: [], coverage: [], usage: [], orgMonths: [], status: [] },
    audits: await readAudits(db, accounts),
    buckets: buckets.map((b) => ({
      name: b.name,
      ownerAccountId: b.ownerAccountId,
      objectLockEnabled: b.objectLockEnabled,
      versioning: ZBucket.shape.versioning.parse(b.versioning),
      publicAccessBlock: ZBucket.shape.publicAccessBlock.parse(b.publicAccessBlock),
      policy: bucketPolicyOf(b),
    })),
    // Not stored: the checks that read it keep their findings (see ./source.ts).
    guardDutyOrganization: [],
  };
}

/**
 * The collection month's stored costs; the month the cost checks judge (the last final one) is
 * completed from the store by the evaluation itself, as for an incremental collection.
 */
async function readCurrentMonthCosts(
  db: Prisma.TransactionClient,
  source: TSnapshot["source"],
  now: Date,
): Promise<TSnapshot["costs"]> {
  const month = monthOf(now);
  const at = new Date(`${month}T00:00:00Z`);
  const [monthly, byTag] = await Promise.all([
    db.costMonthly.findMany({ where: { source, month: at } }),
    db.costByTag.findMany({ where: { month: at } }),
  ]);
  const money = (d: { toFixed: () => string }) => d.toFixed();
  return {
    currency: "USD",
    months: monthly.length ? [month] : [],
    days: [],
    tagKeys: [...new Set(byTag.map((r) => r.tagKey))],
    tagKeyMonths: {},
    monthly: monthly.map((r) => ({
      accountId: r.accountId,
      month,
      service: r.service,
      unblended: money(r.unblended),
      amortized: money(r.amortized),
      net: money(r.net),
      estimated: r.estimated,
    })),
    daily: [],
    byTag: byTag.map((r) => ({
      accountId: r.accountId,
      month,
      tagKey: r.tagKey,
      tagValue: r.tagValue,
      unblended: money(r.unblended),
      amortized: money(r.amortized),
      net: money(r.net),
      estimated: r.estimated,
    })),
    // Charge types and regions feed no check: a re-evaluation leaves them as stored.
    dimensionMonths: {},
    byDimension: [],
    charges: [],
  };
}

/** Each account's last audit outcome, with the evidence of the audited ones. */
async function readAudits(
  db: Prisma.TransactionClient,
  accounts: { id: string; auditStatus: string; auditError: string | null }[],
): Promise<TAccountAudit[]> {
  const audited = accounts.filter((a) => a.auditStatus === "audited").map((a) => a.id);
  const where = { accountId: { in: audited } };
  const [users, keys, roots, roles, trails, hubs, instances, providers, budgets, logins] =
    await Promise.all([
      db.iamUser.findMany({ where, orderBy: { userName: "asc" } }),
      db.accessKey.findMany({ where, orderBy: { slot: "asc" } }),
      db.iamRootUser.findMany({ where }),
      db.iamRole.findMany({ where, orderBy: { roleName: "asc" } }),
      db.trail.findMany({ where }),
      db.securityHubStatus.findMany({ where }),
      db.identityCenterInstance.findMany({ where }),
      db.iamIdentityProvider.findMany({ where }),
      db.awsBudget.findMany({ where }),
      db.loginStat.findMany({ where }),
    ]);
  const by = <T extends { accountId: string }>(rows: T[]) => groupBy(rows, (r) => r.accountId);
  const usersOf = by(users);
  const keysOf = groupBy(keys, (k) => `${k.accountId}/${k.userName}`);
  const rootOf = new Map(roots.map((r) => [r.accountId, r]));
  const rolesOf = by(roles);
  const trailsOf = by(trails);
  const hubOf = new Map(hubs.map((h) => [h.accountId, h]));
  const instancesOf = by(instances);
  const providersOf = by(providers);
  const budgetsOf = by(budgets);
  const loginOf = new Map(logins.map((l) => [l.accountId, l]));

  return accounts.flatMap((a): TAccountAudit[] => {
    const status = ZAuditStatus.safeParse(a.auditStatus);
    if (!status.success) return []; // "never": no audit yet
    const empty: TAccountAudit = {
      accountId: a.id,
      status: status.data,
      error: a.auditError,
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
    if (status.data !== "audited") return [empty];
    const root = rootOf.get(a.id);
    const hub = hubOf.get(a.id);
    const login = loginOf.get(a.id);
    return [
      {
        ...empty,
        iamUsers: (usersOf.get(a.id) ?? []).map((u) => ({
          userName: u.userName,
          arn: u.arn,
          createdAt: u.createdAt.toISOString(),
          passwordEnabled: u.passwordEnabled,
          passwordLastUsed: iso(u.passwordLastUsed),
          mfaActive: u.mfaActive,
          accessKeys: (keysOf.get(`${a.id}/${u.userName}`) ?? []).map((k) => ({
            keyId: k.keyId,
            slot: k.slot,
            active: k.active,
            lastRotated: iso(k.lastRotated),
            lastUsed: iso(k.lastUsed),
          })),
        })),
        rootUser: root
          ? {
              arn: root.arn,
              mfaActive: root.mfaActive,
              passwordLastUsed: iso(root.passwordLastUsed),
              accessKeys: z.array(ZAccessKey).parse(root.accessKeys),
            }
          : null,
        roles: (rolesOf.get(a.id) ?? []).map((r) => ({
          roleName: r.roleName,
          arn: r.arn,
          path: r.path,
          createdAt: r.createdAt.toISOString(),
          trustPolicy: ZPolicyDocument.parse(r.trustPolicy),
          attachedPolicyArns: r.attachedPolicyArns,
          inlinePolicies: ZIamRole.shape.inlinePolicies.parse(r.inlinePolicies),
          managedPolicies: ZIamRole.shape.managedPolicies.parse(r.managedPolicies),
        })),
        trails: (trailsOf.get(a.id) ?? []).map((t) => ({
          arn: t.arn,
          name: t.name,
          homeRegion: t.homeRegion,
          isOrganizationTrail: t.isOrganizationTrail,
          isMultiRegion: t.isMultiRegion,
          isLogging: t.isLogging,
          includesManagementEvents: t.includesManagementEvents,
          s3BucketName: t.s3BucketName,
        })),
        securityHub: hub
          ? {
              enabled: hub.enabled,
              findings: {
                critical: hub.critical,
                high: hub.high,
                medium: hub.medium,
                low: hub.low,
              },
              standards: hub.standardsRead ? hub.standards : null,
            }
          : null,
        identityCenterInstances: (instancesOf.get(a.id) ?? []).map((i) => ({
          instanceArn: i.instanceArn,
          identityStoreId: i.identityStoreId,
        })),
        // Stored providers are what the last read returned; none stored reads as "none".
        identityProviders: (providersOf.get(a.id) ?? []).map((p) => ({
          arn: p.arn,
          type: p.type === "OIDC" ? "OIDC" : "SAML",
          name: p.name,
        })),
        budgets: (budgetsOf.get(a.id) ?? []).map((b) => ({
          name: b.name,
          limit: b.limit.toFixed(),
          timeUnit: b.timeUnit,
          actual: b.actual?.toFixed() ?? null,
          forecast: b.forecast?.toFixed() ?? null,
          linkedAccountIds: b.linkedAccountIds,
        })),
        consoleLogins: login
          ? ZConsoleLogins.parse({
              windowDays: login.windowDays,
              byIdentityType: login.byIdentityType,
              longTermKeysInUse: login.longTermKeysInUse,
              temporaryKeysInUse: login.temporaryKeysInUse,
            })
          : null,
      },
    ];
  });
}
