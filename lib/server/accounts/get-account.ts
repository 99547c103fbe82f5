import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { TAccountDetail } from "@/lib/api/accounts";
import { SEVERITIES } from "@/lib/domain/checks/types";
import { trustedAccountIds, trustedPrincipals, trustsOutsideOrg } from "@/lib/domain/org/trust";
import type { Scope } from "@/lib/domain/access";
import { accountScope } from "@/lib/server/scope";

const ZTags = z.record(z.string(), z.unknown());
const iso = (d: Date | null) => d?.toISOString() ?? null;
const severityOrder = (s: string) => {
  const i = SEVERITIES.findIndex((x) => x === s);
  return i === -1 ? SEVERITIES.length : i;
};

/** One account with its placement, findings and IAM/CloudTrail evidence; null when unknown or outside the scope. */
export async function getAccount(db: Db, scope: Scope, id: string): Promise<TAccountDetail | null> {
  const account = await db.account.findFirst({
    where: { id, ...accountScope(scope) },
    include: { ou: { select: { pathIds: true } } },
  });
  if (!account) return null;

  const [crumbs, placements, findings, users, roles, trails, hub] = await Promise.all([
    db.orgUnit.findMany({
      where: { id: { in: account.ou.pathIds } },
      select: { id: true, name: true },
    }),
    db.accountPlacement.findMany({
      where: { accountId: id },
      orderBy: { validFrom: "desc" },
      include: { ou: { select: { path: true } } },
    }),
    db.finding.findMany({
      where: { accountId: id },
      select: {
        id: true,
        checkId: true,
        severity: true,
        category: true,
        title: true,
        status: true,
        stale: true,
        firstSeenAt: true,
        resolvedAt: true,
        mutedUntil: true,
        muteReason: true,
        exceptionRule: { select: { name: true } },
      },
    }),
    db.iamUser.findMany({
      where: { accountId: id },
      orderBy: { userName: "asc" },
      include: { accessKeys: { orderBy: { slot: "asc" } } },
    }),
    db.iamRole.findMany({
      where: { accountId: id },
      orderBy: { roleName: "asc" },
      select: { roleName: true, arn: true, path: true, createdAt: true, trustPolicy: true },
    }),
    db.trail.findMany({
      where: { OR: [{ accountId: id }, { isOrganizationTrail: true, isLogging: true }] },
      orderBy: { name: "asc" },
    }),
    db.securityHubStatus.findUnique({ where: { accountId: id } }),
  ]);

  // Accounts the roles trust: in the organization or not (scope-free), named only when the caller may see them.
  const trustedIds = [...new Set(roles.flatMap((r) => trustedAccountIds(r.trustPolicy)))];
  const [orgAccounts, visible, known, organization] = await Promise.all([
    db.account.findMany({
      where: { id: { in: trustedIds }, removedAt: null },
      select: { id: true },
    }),
    db.account.findMany({
      where: { id: { in: trustedIds }, ...accountScope(scope) },
      select: { id: true, name: true },
    }),
    db.knownAccount.findMany({
      where: { accountId: { in: trustedIds } },
      select: { accountId: true, name: true },
    }),
    db.organization.findFirst({ select: { id: true } }),
  ]);
  const trustCtx = {
    accountId: id,
    orgId: organization?.id ?? null,
    orgAccountIds: new Set(orgAccounts.map((a) => a.id)),
    knownAccountIds: new Set(known.map((k) => k.accountId)),
    names: new Map([
      ...known.filter((k) => k.name).map((k): [string, string] => [k.accountId, k.name]),
      ...visible.map((a): [string, string] => [a.id, a.name]),
    ]),
  };
  const nameOf = new Map(crumbs.map((c) => [c.id, c.name]));
  const tags = ZTags.safeParse(account.tags);

  return {
    id: account.id,
    securityHub: hub
      ? {
          enabled: hub.enabled,
          critical: hub.critical,
          high: hub.high,
          medium: hub.medium,
          low: hub.low,
          standards: hub.standardsRead ? hub.standards : null,
        }
      : null,
    name: account.name,
    email: account.email,
    status: account.status,
    joinedMethod: account.joinedMethod,
    joinedAt: account.joinedAt.toISOString(),
    removedAt: iso(account.removedAt),
    isManagement: account.isManagement,
    environment: account.environment,
    costCenter: account.costCenter,
    tags: Object.fromEntries(
      Object.entries(tags.success ? tags.data : {}).map(([k, v]) => [
        k,
        typeof v === "string" ? v : JSON.stringify(v),
      ]),
    ),
    ouPath: account.ou.pathIds.map((ouId) => ({ id: ouId, name: nameOf.get(ouId) ?? ouId })),
    placements: placements.map((p) => ({
      ouId: p.ouId,
      ouPath: p.ou.path,
      from: p.validFrom.toISOString(),
      to: iso(p.validTo),
    })),
    audit: { status: account.auditStatus, error: account.auditError, at: iso(account.auditedAt) },
    findings: findings
      .sort(
        (a, b) =>
          Number(b.status === "open") - Number(a.status === "open") ||
          severityOrder(a.severity) - severityOrder(b.severity) ||
          b.firstSeenAt.getTime() - a.firstSeenAt.getTime(),
      )
      .map(({ exceptionRule, ...f }) => ({
        ...f,
        exceptedBy: f.status === "open" ? (exceptionRule?.name ?? null) : null,
        firstSeenAt: f.firstSeenAt.toISOString(),
        resolvedAt: iso(f.resolvedAt),
        mutedUntil: iso(f.mutedUntil),
      })),
    iamUsers: users.map((u) => ({
      userName: u.userName,
      arn: u.arn,
      createdAt: u.createdAt.toISOString(),
      passwordEnabled: u.passwordEnabled,
      passwordLastUsed: iso(u.passwordLastUsed),
      mfaActive: u.mfaActive,
      accessKeys: u.accessKeys.map((k) => ({
        slot: k.slot,
        keyId: k.keyId,
        active: k.active,
        lastRotated: iso(k.lastRotated),
        lastUsed: iso(k.lastUsed),
      })),
    })),
    roles: roles.map((r) => {
      const trusts = trustedPrincipals(r.trustPolicy, trustCtx);
      return {
        roleName: r.roleName,
        arn: r.arn,
        path: r.path,
        createdAt: r.createdAt.toISOString(),
        trusts,
        outsideTrust: trustsOutsideOrg(trusts),
      };
    }),
    trails: trails.map((t) => ({
      arn: t.arn,
      name: t.name,
      homeRegion: t.homeRegion,
      isOrganizationTrail: t.isOrganizationTrail,
      isMultiRegion: t.isMultiRegion,
      isLogging: t.isLogging,
      s3BucketName: t.s3BucketName,
      inAccount: t.accountId === id,
    })),
  };
}
