import "server-only";
import { addDays } from "date-fns";
import type { TCreateToken } from "@/lib/api/settings";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { forbidden } from "@/lib/errors";
import { hashToken, newTokenSecret } from "./hash-token";

/**
 * Creates a read-only token with the creator's role, scope and IdP groups (each request re-resolves the
 * groups, so the token never outranks its creator); the secret is returned once, stored hashed.
 */
export async function createApiToken(db: Db, principal: Principal, input: TCreateToken) {
  if (principal.kind !== "user")
    throw forbidden("API tokens are read-only and cannot create tokens.");
  const secret = newTokenSecret();
  const token = await db.apiToken.create({
    data: {
      name: input.name,
      tokenHash: hashToken(secret),
      prefix: secret.slice(0, 10),
      ownerEmail: principal.email,
      ownerGroups: [...(principal.groups ?? [])],
      role: principal.role,
      ouIds: principal.scope.ouIds ?? [],
      expiresAt: addDays(new Date(), input.expiresInDays),
    },
    select: { id: true, name: true, prefix: true, expiresAt: true, createdAt: true },
  });
  await recordAuditEvent(
    {
      actor: principal.email,
      action: "token.create",
      target: token.id,
      detail: { name: token.name, expiresAt: token.expiresAt.toISOString() },
    },
    db,
  );
  return { ...token, secret };
}
