import "server-only";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { isOrgAdmin } from "@/lib/server/authorize";
import { notFound } from "@/lib/errors";

/** Revokes one of the caller's tokens, or anyone's for an admin of the whole organization; others' are "not found". */
export async function revokeApiToken(db: Db, principal: Principal, id: string) {
  const owner = isOrgAdmin(principal) ? {} : { ownerEmail: principal.email };
  const token = await db.apiToken.findFirst({
    where: { id, ...owner, revokedAt: null },
    select: { ownerEmail: true },
  });
  if (!token) throw notFound("No such active token.");
  const { count } = await db.apiToken.updateMany({
    where: { id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("No such active token.");
  await recordAuditEvent(
    {
      actor: principal.email,
      action: "token.revoke",
      target: id,
      detail: { owner: token.ownerEmail },
    },
    db,
  );
  return { revoked: true };
}
