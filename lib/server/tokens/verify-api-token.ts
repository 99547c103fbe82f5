import "server-only";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { isRole } from "@/lib/auth/roles";
import { hashToken, TOKEN_PREFIX } from "./hash-token";

/** A valid, unexpired, unrevoked token → a read-only principal with the creator's role and scope. */
export async function verifyApiToken(secret: string, now = new Date()): Promise<Principal | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const token = await db.apiToken.findUnique({ where: { tokenHash: hashToken(secret) } });
  if (!token || token.revokedAt || token.expiresAt <= now || !isRole(token.role)) return null;
  // Last use is informational; a lost update under concurrency does not matter.
  void db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } }).catch(() => undefined);
  return {
    kind: "token",
    email: token.ownerEmail,
    name: token.name,
    role: token.role,
    scope: { ouIds: token.ouIds.length ? token.ouIds : null },
    tokenId: token.id,
  };
}
