import "server-only";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { notFound } from "@/lib/server/errors";

/** Revokes one of the caller's tokens; someone else's token is "not found". */
export async function revokeApiToken(principal: Principal, id: string) {
  const { count } = await db.apiToken.updateMany({ where: { id, ownerEmail: principal.email, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw notFound("No such active token.");
  await recordAuditEvent({ actor: principal.email, action: "token.revoke", target: id, detail: {} });
  return { revoked: true };
}
