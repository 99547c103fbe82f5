import type { TEventChange } from "@/lib/domain/events/interpret-event";
import type { Prisma } from "@/lib/generated/prisma/client";
import { unrequestedAccountFinding } from "@/lib/domain/checks/org-account-unrequested";
import { fingerprintOf } from "@/lib/domain/checks/types";
import { accountCreators } from "@/lib/collect/findings/account-creators";
import { requestProcessContext } from "@/lib/collect/findings/request-process-context";
import type { TEventOrigin } from "./event-source";
import type { TApplied } from "./apply-event";
import { writeEventFinding } from "./apply-iam-user-event";

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
    // A delayed delivery older than the account's current placement would rewrite history backwards.
    const current = await tx.accountPlacement.findFirst({
      where: { accountId: change.accountId, validTo: null },
      select: { validFrom: true },
    });
    if (current && current.validFrom.getTime() > at.getTime())
      return ignored("older than the account's current placement: the next run decides");
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
  const joined = `${change.accountId} joined the organization under the root`;
  const judged = await judgeUnrequested(tx, change, { ...data, id: change.accountId }, origin);
  return judged ? { ...judged, outcome: `${joined}; ${judged.outcome}` } : applied(joined);
}

/**
 * ORG_ACCOUNT_UNREQUESTED for the account that just joined, by the check's own verdict, so the next
 * collection writes the same finding (same fingerprint) or resolves it once a request is linked. The
 * creator is the CreateAccount (or InviteAccountToOrganization) caller when that event was ingested:
 * CreateAccountResult is a service event and names no user.
 */
async function judgeUnrequested(
  tx: Prisma.TransactionClient,
  change: Extract<TOrgChange, { kind: "account-joined" }>,
  account: { id: string; name: string; status: string; joinedMethod: string; joinedAt: Date },
  origin: TEventOrigin,
): Promise<TApplied | null> {
  const [management, known, vendedBy, ctx, creators] = await Promise.all([
    tx.account.findFirst({ where: { isManagement: true }, select: { id: true } }),
    tx.knownAccount.findUnique({ where: { accountId: account.id }, select: { accountId: true } }),
    change.createAccountRequestId
      ? tx.accountRequest.findUnique({
          where: { createAccountRequestId: change.createAccountRequestId },
          select: { id: true },
        })
      : null,
    requestProcessContext(tx),
    accountCreators(tx),
  ]);
  const createdBy = creators.get(account.id) ?? null;
  const requested = new Set(ctx.requestedAccountIds);
  if (vendedBy) requested.add(account.id);
  const finding = unrequestedAccountFinding(
    {
      ...account,
      // The account just joined: AWS lists it ACTIVE.
      status: "ACTIVE",
      joinedMethod: account.joinedMethod === "INVITED" ? "INVITED" : "CREATED",
      joinedAt: account.joinedAt.toISOString(),
    },
    {
      creation: change.createAccountRequestId
        ? {
            id: change.createAccountRequestId,
            requestedAt: account.joinedAt.toISOString(),
            completedAt: account.joinedAt.toISOString(),
          }
        : null,
      createdBy,
    },
    {
      managementAccountId: management?.id ?? "",
      knownAccountIds: new Set(known ? [known.accountId] : []),
      requestedAccountIds: requested,
      since: ctx.requestProcessSince ?? null,
    },
  );
  if (!finding) return null;
  const stored = await tx.finding.findUnique({
    where: { fingerprint: fingerprintOf(finding) },
    select: { id: true, status: true },
  });
  // The history names who created the account, when known, rather than the service that reported it.
  return writeEventFinding(tx, finding, stored, { ...origin, actor: createdBy ?? origin.actor });
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
