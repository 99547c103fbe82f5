// Adds one account to the inventory by hand (Settings or API), audited in the same transaction.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { TKnownAccountCreate } from "@/lib/api/known-accounts";
import { ORG_ACCOUNT_UNREQUESTED } from "@/lib/domain/checks/org-account-unrequested";
import { conflict } from "@/lib/errors";
import { resolveAccountFinding } from "@/lib/server/findings/resolve-account-finding";
import { auditKnownAccount } from "./audit-known-account";
import { requireUnscoped, type TActor } from "./require-unscoped";

export async function createKnownAccount(db: Db, actor: TActor, input: TKnownAccountCreate) {
  requireUnscoped(actor);
  return db.$transaction(async (tx) => {
    const existing = await tx.knownAccount.findUnique({
      where: { accountId: input.accountId },
      select: { accountId: true },
    });
    if (existing)
      throw conflict(`Account ${input.accountId} is already in the list; edit it instead.`);
    const saved = await tx.knownAccount.create({
      data: { ...input, source: "manual" },
      select: { accountId: true, name: true, owner: true, source: true },
    });
    // The account is accounted for: its "created outside the request process" finding resolves now.
    await resolveAccountFinding(tx, {
      checkId: ORG_ACCOUNT_UNREQUESTED,
      accountId: saved.accountId,
      actor: actor.email,
      reason: "Marked as a known account",
    });
    await auditKnownAccount(tx, {
      actor: actor.email,
      action: "settings.known_account.create",
      target: saved.accountId,
      detail: { name: saved.name, owner: saved.owner },
    });
    return saved;
  });
}
