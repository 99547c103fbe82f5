// The inventory with, for each account, whether the organization has it as a member.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { TKnownAccount } from "@/lib/api/known-accounts";
import { requireUnscoped, type TActor } from "./require-unscoped";

export async function listKnownAccounts(db: Db, actor: TActor) {
  requireUnscoped(actor);
  const known = await db.knownAccount.findMany({
    orderBy: { accountId: "asc" },
    select: { accountId: true, name: true, owner: true, source: true, updatedAt: true },
  });
  const members = await db.account.findMany({
    where: { id: { in: known.map((k) => k.accountId) }, removedAt: null },
    select: { id: true, name: true, status: true },
  });
  const memberOf = new Map(members.map((m) => [m.id, { name: m.name, status: m.status }]));
  const accounts: TKnownAccount[] = known.map((k) => ({
    ...k,
    updatedAt: k.updatedAt.toISOString(),
    member: memberOf.get(k.accountId) ?? null,
  }));
  const inOrganization = accounts.filter((a) => a.member).length;
  return {
    accounts,
    summary: { known: accounts.length, inOrganization, outside: accounts.length - inOrganization },
  };
}
