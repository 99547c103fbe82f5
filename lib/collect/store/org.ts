// Organization structure: OUs, accounts, effective-dated placements, policies, delegated admins.
import type { Prisma } from "@/lib/generated/prisma/client";
import { computeOuPaths } from "@/lib/domain/org-tree";
import type { TSettings } from "@/lib/domain/settings";
import type { TSnapshot } from "@/lib/domain/snapshot";
import { groupBy } from "@/lib/domain/collections";
import { ZJson } from "@/lib/domain/json";

export async function storeOrganization(
  tx: Prisma.TransactionClient,
  snap: TSnapshot,
  at: Date,
  settings: TSettings,
) {
  const org = snap.organization;
  await tx.organization.deleteMany({ where: { id: { not: org.id } } });
  await tx.organization.upsert({
    where: { id: org.id },
    create: {
      id: org.id,
      arn: org.arn ?? null,
      managementAccountId: org.managementAccountId,
      featureSet: org.featureSet,
    },
    update: {
      arn: org.arn ?? null,
      managementAccountId: org.managementAccountId,
      featureSet: org.featureSet,
    },
  });

  const paths = computeOuPaths(snap.orgUnits);
  // Parents first, so the self-referencing foreign key holds on insert.
  const ordered = [...snap.orgUnits].sort(
    (a, b) => (paths.get(a.id)?.depth ?? 0) - (paths.get(b.id)?.depth ?? 0),
  );
  for (const ou of ordered) {
    const p = paths.get(ou.id);
    if (!p) continue;
    const data = {
      parentId: ou.parentId,
      name: ou.name,
      path: p.path,
      pathIds: p.pathIds,
      depth: p.depth,
      tags: ou.tags,
      lastSeenAt: at,
      removedAt: null,
    };
    await tx.orgUnit.upsert({
      where: { id: ou.id },
      create: { id: ou.id, ...data, firstSeenAt: at },
      update: data,
    });
  }
  await tx.orgUnit.updateMany({
    where: { id: { notIn: snap.orgUnits.map((o) => o.id) }, removedAt: null },
    data: { removedAt: at },
  });

  await upsertAccounts(tx, snap, at, settings);
  await tx.account.updateMany({
    where: { id: { notIn: snap.accounts.map((a) => a.id) }, removedAt: null },
    data: { removedAt: at },
  });

  await storePlacements(tx, snap, at);
  await storePolicies(tx, snap);
}

const BATCH = 5_000;

/** One statement per batch of accounts (thousands of accounts): insert new ones, refresh the rest. */
async function upsertAccounts(
  tx: Prisma.TransactionClient,
  snap: TSnapshot,
  at: Date,
  settings: TSettings,
) {
  const managementId = snap.organization.managementAccountId;
  for (let i = 0; i < snap.accounts.length; i += BATCH) {
    const rows = snap.accounts.slice(i, i + BATCH);
    await tx.$executeRaw`
      INSERT INTO account (id, name, email, status, joined_method, joined_at, ou_id, tags, environment, cost_center, is_management, first_seen_at, last_seen_at, removed_at)
      SELECT id, name, email, status, joined_method, joined_at, ou_id, tags, environment, cost_center, id = ${managementId}, ${at}, ${at}, NULL
      FROM unnest(${rows.map((a) => a.id)}::varchar[], ${rows.map((a) => a.name)}::text[], ${rows.map((a) => a.email)}::text[],
                  ${rows.map((a) => a.status)}::text[], ${rows.map((a) => a.joinedMethod)}::text[], ${rows.map((a) => new Date(a.joinedAt))}::timestamptz[],
                  ${rows.map((a) => a.parentId)}::text[], ${rows.map((a) => JSON.stringify(a.tags))}::jsonb[],
                  ${rows.map((a) => a.tags[settings.environmentTagKey] ?? null)}::text[], ${rows.map((a) => a.tags[settings.costCenterTagKey] ?? null)}::text[])
        AS t(id, name, email, status, joined_method, joined_at, ou_id, tags, environment, cost_center)
      ON CONFLICT (id) DO UPDATE SET
        name = EXCLUDED.name, email = EXCLUDED.email, status = EXCLUDED.status, joined_method = EXCLUDED.joined_method,
        joined_at = EXCLUDED.joined_at, ou_id = EXCLUDED.ou_id, tags = EXCLUDED.tags, environment = EXCLUDED.environment,
        cost_center = EXCLUDED.cost_center, is_management = EXCLUDED.is_management, last_seen_at = EXCLUDED.last_seen_at, removed_at = NULL`;
  }
}

/** Records moves as effective-dated placements; history is never rewritten. */
async function storePlacements(tx: Prisma.TransactionClient, snap: TSnapshot, at: Date) {
  const open = await tx.accountPlacement.findMany({
    where: { validTo: null },
    select: { id: true, accountId: true, ouId: true },
  });
  const openByAccount = new Map(open.map((p) => [p.accountId, p]));
  const historyByAccount = groupBy(snap.placementHistory, (p) => p.accountId);
  const present = new Set(snap.accounts.map((a) => a.id));

  const firstSight: Prisma.AccountPlacementCreateManyInput[] = [];
  for (const a of snap.accounts) {
    const current = openByAccount.get(a.id);
    if (!current) {
      // First sight: the source's known history, then the current OU from the end of it (or from joining).
      // An account sits in no OU before it joined: history from before then is cut at the joining.
      const joined = new Date(a.joinedAt);
      const history = (historyByAccount.get(a.id) ?? [])
        .filter((h) => new Date(h.to) > joined)
        .toSorted((x, y) => x.from.localeCompare(y.from));
      for (const h of history) {
        const from = new Date(h.from);
        firstSight.push({
          accountId: a.id,
          ouId: h.parentId,
          validFrom: from < joined ? joined : from,
          validTo: new Date(h.to),
        });
      }
      const from = history.at(-1)?.to ?? a.joinedAt;
      firstSight.push({
        accountId: a.id,
        ouId: a.parentId,
        validFrom: new Date(from),
        validTo: null,
      });
    } else if (current.ouId !== a.parentId) {
      await tx.accountPlacement.update({ where: { id: current.id }, data: { validTo: at } });
      await tx.accountPlacement.create({
        data: { accountId: a.id, ouId: a.parentId, validFrom: at, validTo: null },
      });
    }
  }
  // In history order per account, so ids follow validFrom as they did when created one by one.
  for (let i = 0; i < firstSight.length; i += BATCH)
    await tx.accountPlacement.createMany({ data: firstSight.slice(i, i + BATCH) });
  // Accounts that left the organization: their last placement ends now.
  const gone = open.filter((p) => !present.has(p.accountId)).map((p) => p.id);
  if (gone.length)
    await tx.accountPlacement.updateMany({ where: { id: { in: gone } }, data: { validTo: at } });
}

async function storePolicies(tx: Prisma.TransactionClient, snap: TSnapshot) {
  await tx.policyTarget.deleteMany({});
  await tx.policy.deleteMany({});
  for (const p of snap.policies) {
    await tx.policy.create({
      data: {
        id: p.id,
        type: p.type,
        name: p.name,
        description: p.description,
        awsManaged: p.awsManaged,
        content: parseJsonOrText(p.content),
        targets: {
          create: p.targets.map((t) => ({ targetId: t.targetId, targetType: t.targetType })),
        },
      },
    });
  }
  await tx.delegatedAdmin.deleteMany({});
  if (snap.delegatedAdmins.length) {
    await tx.delegatedAdmin.createMany({
      data: snap.delegatedAdmins.map((d) => ({
        accountId: d.accountId,
        servicePrincipal: d.servicePrincipal,
        delegatedAt: d.delegatedAt ? new Date(d.delegatedAt) : null,
      })),
      skipDuplicates: true,
    });
  }
  for (const s of snap.createAccountStatuses) {
    const data = {
      accountName: s.accountName,
      accountId: s.accountId,
      state: s.state,
      requestedAt: new Date(s.requestedAt),
      completedAt: s.completedAt ? new Date(s.completedAt) : null,
      failureReason: s.failureReason,
    };
    await tx.accountCreation.upsert({
      where: { id: s.id },
      create: { id: s.id, ...data },
      update: data,
    });
  }
}

function parseJsonOrText(text: string): Prisma.InputJsonValue {
  try {
    return ZJson.parse(JSON.parse(text));
  } catch {
    return { raw: text };
  }
}
