// Removes an account from the inventory (closed, or never the company's), audited with what it held.
import "server-only";
import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { auditKnownAccount } from "./audit-known-account";
import { requireUnscoped, type TActor } from "./require-unscoped";

export async function deleteKnownAccount(db: Db, actor: TActor, accountId: string) {
  requireUnscoped(actor);
  return db.$transaction(async (tx) => {
    const before = await tx.knownAccount.findUnique({
      where: { accountId },
      select: { name: true, owner: true },
    });
    if (!before) throw notFound(`Account ${accountId} is not in the list.`);
    await tx.knownAccount.delete({ where: { accountId } });
    await auditKnownAccount(tx, {
      actor: actor.email,
      action: "settings.known_account.delete",
      target: accountId,
      detail: before,
    });
    return { deleted: true };
  });
}
