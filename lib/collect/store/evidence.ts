// Member-account evidence. An audited account's evidence is replaced; an account that could not be
// audited keeps its last known evidence (and findings), marked by its audit status.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TAccountAudit, TSnapshot } from "@/lib/domain/snapshot";
import { ZJson } from "@/lib/domain/json";

export async function storeEvidence(tx: Prisma.TransactionClient, snap: TSnapshot, at: Date) {
  for (const audit of snap.audits) {
    if (audit.status === "audited") await replaceAccountEvidence(tx, audit, at);
    await tx.account.updateMany({
      where: { id: audit.accountId },
      data: { auditStatus: audit.status, auditError: audit.error, ...(audit.status === "audited" ? { auditedAt: at } : {}) },
    });
  }
  for (const b of snap.buckets) {
    const data = { ownerAccountId: b.ownerAccountId, objectLockEnabled: b.objectLockEnabled, versioning: b.versioning, publicAccessBlock: b.publicAccessBlock };
    await tx.trailBucket.upsert({ where: { name: b.name }, create: { name: b.name, ...data }, update: data });
  }
}

async function replaceAccountEvidence(tx: Prisma.TransactionClient, audit: TAccountAudit, at: Date) {
  const accountId = audit.accountId;
  const previous = await tx.iamUser.findMany({ where: { accountId }, select: { userName: true, firstSeenAt: true } });
  const firstSeen = new Map(previous.map((u) => [u.userName, u.firstSeenAt]));

  await tx.iamUser.deleteMany({ where: { accountId } });
  for (const u of audit.iamUsers) {
    await tx.iamUser.create({
      data: {
        accountId,
        userName: u.userName,
        arn: u.arn,
        createdAt: new Date(u.createdAt),
        passwordEnabled: u.passwordEnabled,
        passwordLastUsed: u.passwordLastUsed ? new Date(u.passwordLastUsed) : null,
        mfaActive: u.mfaActive,
        firstSeenAt: firstSeen.get(u.userName) ?? at,
        lastSeenAt: at,
        accessKeys: {
          create: u.accessKeys.map((k) => ({
            slot: k.slot,
            keyId: k.keyId,
            active: k.active,
            lastRotated: k.lastRotated ? new Date(k.lastRotated) : null,
            lastUsed: k.lastUsed ? new Date(k.lastUsed) : null,
          })),
        },
      },
    });
  }

  await tx.iamRole.deleteMany({ where: { accountId } });
  if (audit.roles.length) {
    await tx.iamRole.createMany({
      data: audit.roles.map((r) => ({
        accountId,
        roleName: r.roleName,
        arn: r.arn,
        path: r.path,
        createdAt: new Date(r.createdAt),
        trustPolicy: ZJson.parse(r.trustPolicy),
        attachedPolicyArns: r.attachedPolicyArns,
        inlinePolicies: ZJson.parse(r.inlinePolicies),
      })),
    });
  }

  await tx.trail.deleteMany({ where: { accountId } });
  if (audit.trails.length) {
    await tx.trail.createMany({ data: audit.trails.map((t) => ({ ...t, accountId })), skipDuplicates: true });
  }

  await tx.securityHubStatus.deleteMany({ where: { accountId } });
  if (audit.securityHub) {
    await tx.securityHubStatus.create({ data: { accountId, enabled: audit.securityHub.enabled, ...audit.securityHub.findings } });
  }

  await tx.identityCenterInstance.deleteMany({ where: { accountId } });
  if (audit.identityCenterInstances.length) {
    await tx.identityCenterInstance.createMany({ data: audit.identityCenterInstances.map((i) => ({ ...i, accountId })), skipDuplicates: true });
  }

  await tx.awsBudget.deleteMany({ where: { accountId } });
  if (audit.budgets.length) {
    await tx.awsBudget.createMany({ data: audit.budgets.map((b) => ({ ...b, accountId })), skipDuplicates: true });
  }

  await tx.loginStat.deleteMany({ where: { accountId } });
  if (audit.consoleLogins) {
    await tx.loginStat.create({ data: { accountId, ...audit.consoleLogins } });
  }
}
