import "server-only";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";

/** The caller's own tokens (never their secrets). */
export async function listApiTokens(principal: Principal) {
  return db.apiToken.findMany({
    where: { ownerEmail: principal.email },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, role: true, createdAt: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
  });
}
