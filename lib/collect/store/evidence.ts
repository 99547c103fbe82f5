// Member-account evidence. An audited account's evidence is replaced; an account that could not be
// audited keeps its last known evidence (and findings), marked by its audit status.
// Bulk statements across all audited accounts: a 5,000-account run is a handful of queries, not 75,000.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TSnapshot } from "@/lib/domain/snapshot";
import { groupBy } from "@/lib/domain/collections";
import { ZJson } from "@/lib/domain/json";
import { bucketPolicyColumns } from "./bucket-policy-columns";

const date = (iso: string | null) => (iso ? new Date(iso) : null);

export async function storeEvidence(tx: Prisma.TransactionClient, snap: TSnapshot, at: Date) {
  const audited = snap.audits.filter((a) => a.status === "audited");
  const ids = audited.map((a) => a.accountId);

  if (ids.length) {
    const previous = await tx.iamUser.findMany({
      where: { accountId: { in: ids } },
      select: { accountId: true, userName: true, firstSeenAt: true },
    });
    const firstSeen = new Map(previous.map((u) => [`${u.accountId}/${u.userName}`, u.firstSeenAt]));
    const where = { accountId: { in: ids } };
    // One connection in a transaction: statements run one after another anyway. Keys first: one bulk
    // delete instead of the cascade's per-user lookups.
    await tx.accessKey.deleteMany({ where });
    await tx.iamUser.deleteMany({ where });
    await tx.iamRole.deleteMany({ where });
    await tx.iamRootUser.deleteMany({ where });
    await tx.trail.deleteMany({ where });
    await tx.securityHubStatus.deleteMany({ where });
    await tx.identityCenterInstance.deleteMany({ where });
    // Providers not read this run (null) are kept, like the evidence of an account that failed.
    await tx.iamIdentityProvider.deleteMany({
      where: {
        accountId: {
          in: audited.filter((a) => a.identityProviders !== null).map((a) => a.accountId),
        },
      },
    });
    await tx.awsBudget.deleteMany({ where });
    await tx.loginStat.deleteMany({ where });

    const users = audited.flatMap((a) => a.iamUsers.map((u) => ({ a, u })));
    await tx.iamUser.createMany({
      data: users.map(({ a, u }) => ({
        accountId: a.accountId,
        userName: u.userName,
        arn: u.arn,
        createdAt: new Date(u.createdAt),
        passwordEnabled: u.passwordEnabled,
        passwordLastUsed: date(u.passwordLastUsed),
        mfaActive: u.mfaActive,
        firstSeenAt: firstSeen.get(`${a.accountId}/${u.userName}`) ?? at,
        lastSeenAt: at,
      })),
    });
    await tx.accessKey.createMany({
      data: users.flatMap(({ a, u }) =>
        u.accessKeys.map((k) => ({
          accountId: a.accountId,
          userName: u.userName,
          slot: k.slot,
          keyId: k.keyId,
          active: k.active,
          lastRotated: date(k.lastRotated),
          lastUsed: date(k.lastUsed),
        })),
      ),
    });
    await tx.iamRootUser.createMany({
      data: audited.flatMap((a) =>
        a.rootUser
          ? [
              {
                accountId: a.accountId,
                arn: a.rootUser.arn,
                mfaActive: a.rootUser.mfaActive,
                passwordLastUsed: date(a.rootUser.passwordLastUsed),
                accessKeys: ZJson.parse(a.rootUser.accessKeys),
              },
            ]
          : [],
      ),
    });
    await tx.iamRole.createMany({
      data: audited.flatMap((a) =>
        a.roles.map((r) => ({
          accountId: a.accountId,
          roleName: r.roleName,
          arn: r.arn,
          path: r.path,
          createdAt: new Date(r.createdAt),
          trustPolicy: ZJson.parse(r.trustPolicy),
          attachedPolicyArns: r.attachedPolicyArns,
          inlinePolicies: ZJson.parse(r.inlinePolicies),
          managedPolicies: ZJson.parse(r.managedPolicies),
        })),
      ),
    });
    // An organization trail appears in every member's DescribeTrails: keep it once, under the first account seen.
    await tx.trail.createMany({
      data: audited.flatMap((a) => a.trails.map((t) => ({ ...t, accountId: a.accountId }))),
      skipDuplicates: true,
    });
    await tx.securityHubStatus.createMany({
      data: audited.flatMap((a) =>
        a.securityHub
          ? [
              {
                accountId: a.accountId,
                enabled: a.securityHub.enabled,
                ...a.securityHub.findings,
                standards: a.securityHub.standards ?? [],
                standardsRead: a.securityHub.standards !== null,
              },
            ]
          : [],
      ),
    });
    await tx.identityCenterInstance.createMany({
      data: audited.flatMap((a) =>
        a.identityCenterInstances.map((i) => ({ ...i, accountId: a.accountId })),
      ),
      skipDuplicates: true,
    });
    await tx.iamIdentityProvider.createMany({
      data: audited.flatMap((a) =>
        (a.identityProviders ?? []).map((p) => ({ ...p, accountId: a.accountId })),
      ),
      skipDuplicates: true,
    });
    await tx.awsBudget.createMany({
      data: audited.flatMap((a) => a.budgets.map((b) => ({ ...b, accountId: a.accountId }))),
      skipDuplicates: true,
    });
    await tx.loginStat.createMany({
      data: audited.flatMap((a) =>
        a.consoleLogins ? [{ accountId: a.accountId, ...a.consoleLogins }] : [],
      ),
    });
    await tx.account.updateMany({
      where: { id: { in: ids } },
      data: { auditStatus: "audited", auditError: null, auditedAt: at },
    });
  }

  // Accounts not audited share a handful of outcomes (role missing, suspended…): one statement each.
  const notAudited = groupBy(
    snap.audits.filter((a) => a.status !== "audited"),
    (a) => `${a.status}\u0000${a.error ?? ""}`,
  );
  for (const group of notAudited.values()) {
    const [first] = group;
    if (!first) continue;
    await tx.account.updateMany({
      where: { id: { in: group.map((a) => a.accountId) } },
      data: { auditStatus: first.status, auditError: first.error },
    });
  }
  for (const b of snap.buckets) {
    const data = {
      ownerAccountId: b.ownerAccountId,
      objectLockEnabled: b.objectLockEnabled,
      versioning: b.versioning,
      publicAccessBlock: b.publicAccessBlock,
      ...bucketPolicyColumns(b.policy),
    };
    await tx.trailBucket.upsert({
      where: { name: b.name },
      create: { name: b.name, ...data },
      update: data,
    });
  }
}
