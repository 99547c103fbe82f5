import type { TEventChange } from "@/lib/domain/events/interpret-event";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TEventOrigin } from "./event-source";
import type { TApplied } from "./apply-event";

type TOrgChange = Extract<
  TEventChange,
  { kind: "account-joined" } | { kind: "account-moved" } | { kind: "account-left" }
>;

/**
 * Organizations events update the tree and the effective-dated placements at the event's time; the
 * next collection finds them already in place (same OU: nothing to do) or corrects them.
 */
export async function applyOrgEvent(
  tx: Prisma.TransactionClient,
  change: TOrgChange,
  origin: TEventOrigin,
): Promise<TApplied> {
  const at = origin.at;
  if (change.kind === "account-moved") {
    const [account, target] = await Promise.all([
      tx.account.findFirst({
        where: { id: change.accountId, removedAt: null },
        select: { ouId: true },
      }),
      tx.orgUnit.findFirst({ where: { id: change.toOuId, removedAt: null }, select: { id: true } }),
    ]);
    if (!account) return ignored(`account ${change.accountId} is not in the organization`);
    if (!target) return ignored(`OU ${change.toOuId} is not known yet: the next run adds it`);
    if (account.ouId === change.toOuId) return ignored("the account is already in that OU");
    await tx.account.update({ where: { id: change.accountId }, data: { ouId: change.toOuId } });
    await movePlacement(tx, change.accountId, change.toOuId, at);
    return applied(`moved ${change.accountId} to ${change.toOuId}`);
  }
  if (change.kind === "account-left") {
    const { count } = await tx.account.updateMany({
      where: { id: change.accountId, removedAt: null },
      data: { removedAt: at },
    });
    if (!count) return ignored(`account ${change.accountId} is not in the organization`);
    await tx.accountPlacement.updateMany({
      where: { accountId: change.accountId, validTo: null },
      data: { validTo: at },
    });
    return applied(`${change.accountId} left the organization`);
  }
  const existing = await tx.account.findUnique({
    where: { id: change.accountId },
    select: { removedAt: true },
  });
  if (existing && !existing.removedAt) return ignored("the account is already in the tree");
  // A new account starts under the root, as AWS places it; the next run reads its name and e-mail.
  const root = await tx.orgUnit.findFirst({
    where: { parentId: null, removedAt: null },
    select: { id: true },
  });
  if (!root) return ignored("no organization has been collected yet");
  const data = {
    name: change.name ?? change.accountId,
    email: change.email ?? "",
    status: "ACTIVE",
    joinedMethod: origin.eventName === "AcceptHandshake" ? "INVITED" : "CREATED",
    joinedAt: at,
    ouId: root.id,
    lastSeenAt: at,
    removedAt: null,
  };
  await tx.account.upsert({
    where: { id: change.accountId },
    create: { id: change.accountId, firstSeenAt: at, ...data },
    update: data,
  });
  await movePlacement(tx, change.accountId, root.id, at);
  return applied(`${change.accountId} joined the organization under the root`);
}

async function movePlacement(
  tx: Prisma.TransactionClient,
  accountId: string,
  ouId: string,
  at: Date,
) {
  await tx.accountPlacement.updateMany({
    where: { accountId, validTo: null },
    data: { validTo: at },
  });
  await tx.accountPlacement.create({ data: { accountId, ouId, validFrom: at, validTo: null } });
}

const ignored = (outcome: string): TApplied => ({ status: "ignored", outcome });
const applied = (outcome: string): TApplied => ({ status: "applied", outcome });
