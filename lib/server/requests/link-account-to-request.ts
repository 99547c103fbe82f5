import "server-only";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import { ORG_ACCOUNT_UNREQUESTED } from "@/lib/domain/checks/org-account-unrequested";
import { requestStateOf } from "@/lib/domain/requests/request-state";
import { transition } from "@/lib/domain/requests/state-machine";
import { conflict, notFound } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { ousInScope } from "@/lib/server/authorize";
import { resolveAccountFinding } from "@/lib/server/findings/resolve-account-finding";
import { accountScope } from "@/lib/server/scope";

/**
 * Links an account that joined without a request (ORG_ACCOUNT_UNREQUESTED) to the approved request it
 * was created for: the request turns provisioned with that account, and the finding resolves. Both
 * the request's target OU and the account must be inside a scoped admin's OUs; either outside is
 * "not found".
 */
export async function linkAccountToRequest(
  db: Db,
  principal: Principal,
  requestId: string,
  accountId: string,
) {
  const [row, account] = await Promise.all([
    db.accountRequest.findUnique({ where: { id: requestId } }),
    db.account.findFirst({
      where: { id: accountId, removedAt: null, ...accountScope(principal.scope) },
      select: { id: true, name: true, joinedAt: true },
    }),
  ]);
  if (!row || !(await ousInScope(db, principal.scope, [row.targetOuId])))
    throw notFound("No such request.");
  if (!account) throw notFound(`No account ${accountId} in the organization.`);
  if (row.status !== "approved" || row.accountId)
    throw conflict("Only an approved request still waiting for its account can be linked.");
  if (row.vendingStatus === "running")
    throw conflict("OrgLens is creating this request's account; wait for it to finish or fail.");
  const taken = await db.accountRequest.findFirst({
    where: { accountId },
    select: { name: true },
  });
  if (taken) throw conflict(`Account ${accountId} already belongs to request "${taken.name}".`);

  const resolved = await db.$transaction(async (tx) => {
    const { count } = await tx.accountRequest.updateMany({
      where: { id: requestId, status: "approved", accountId: null },
      data: transition(requestStateOf(row), {
        kind: "provision",
        accountId,
        // When the account appeared, so the request's time-to-account stays true.
        at: account.joinedAt > (row.decidedAt ?? row.requestedAt) ? account.joinedAt : new Date(),
      }),
    });
    if (!count) throw conflict("The request changed meanwhile; reload and try again.");
    const n = await resolveAccountFinding(tx, {
      checkId: ORG_ACCOUNT_UNREQUESTED,
      accountId,
      actor: principal.email,
      reason: `Linked to account request "${row.name}"`,
    });
    await recordAuditEvent(
      {
        actor: principal.email,
        action: "requests.link_account",
        target: requestId,
        detail: { name: row.name, accountId, accountName: account.name },
      },
      tx,
    );
    return n;
  });
  return { requestId, accountId, resolvedFindings: resolved };
}
