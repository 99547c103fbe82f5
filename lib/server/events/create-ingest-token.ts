import "server-only";
import type { TCreateIngestToken } from "@/lib/api/events";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { forbidden } from "@/lib/errors";
import { requireOrgAdmin } from "@/lib/server/authorize";
import { hashToken } from "@/lib/server/tokens/hash-token";
import { newIngestTokenSecret } from "./ingest-token-secret";

export const INGEST_ADMIN_ONLY =
  "Event ingestion changes findings across the whole organization: only an admin of the whole organization manages its tokens.";

/** An org admin creates a token that can only post events; the secret is returned once, stored hashed. */
export async function createIngestToken(db: Db, principal: Principal, input: TCreateIngestToken) {
  if (principal.kind !== "user") throw forbidden("API tokens cannot create ingest tokens.");
  requireOrgAdmin(principal, INGEST_ADMIN_ONLY);
  const secret = newIngestTokenSecret();
  return db.$transaction(async (tx) => {
    const token = await tx.ingestToken.create({
      data: {
        name: input.name,
        tokenHash: hashToken(secret),
        prefix: secret.slice(0, 10),
        createdBy: principal.email,
      },
      select: { id: true, name: true, prefix: true },
    });
    await recordAuditEvent(
      {
        actor: principal.email,
        action: "ingest-token.create",
        target: token.id,
        detail: { name: token.name },
      },
      tx,
    );
    return { ...token, secret };
  });
}
