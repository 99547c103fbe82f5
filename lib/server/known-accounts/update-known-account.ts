// Renames an inventory entry or changes its owner, audited with the previous values.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { TKnownAccountUpdate } from "@/lib/api/known-accounts";
import { notFound } from "@/lib/errors";
import { auditKnownAccount } from "./audit-known-account";
import { requireUnscoped, type TActor } from "./require-unscoped";

export async function updateKnownAccount(
  db: Db,
  actor: TActor,
  accountId: string,
  input: TKnownAccountUpdate,
) {
  requireUnscoped(actor);
  return db.$transaction(async (tx) => {
    const before = await tx.knownAccount.findUnique({
      where: { accountId },
      select: { name: true, owner: true },
    });
    if (!before) throw notFound(`Account ${accountId} is not in the list.`);
    const saved = await tx.knownAccount.update({
      where: { accountId },
      data: input,
      select: { accountId: true, name: true, owner: true, source: true },
    });
    await auditKnownAccount(tx, {
      actor: actor.email,
      action: "settings.known_account.update",
      target: accountId,
      detail: { ...input, previous: before },
    });
    return saved;
  });
}
