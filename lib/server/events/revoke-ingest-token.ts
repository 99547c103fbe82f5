import "server-only";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireOrgAdmin } from "@/lib/server/authorize";
import { INGEST_ADMIN_ONLY } from "./create-ingest-token";

/** Revokes an active ingest token at once (the next delivery with it gets a 401); audited. */
export async function revokeIngestToken(db: Db, principal: Principal, id: string) {
  requireOrgAdmin(principal, INGEST_ADMIN_ONLY);
  return db.$transaction(async (tx) => {
    const token = await tx.ingestToken.findFirst({
      where: { id, revokedAt: null },
      select: { name: true },
    });
    if (!token) throw notFound("No such active ingest token.");
    await tx.ingestToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAuditEvent(
      {
        actor: principal.email,
        action: "ingest-token.revoke",
        target: id,
        detail: { name: token.name },
      },
      tx,
    );
    return { revoked: true };
  });
}
