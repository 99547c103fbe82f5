import "server-only";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { isOrgAdmin } from "@/lib/server/authorize";

/** The caller's own tokens; an admin of the whole organization sees everyone's (never their secrets). */
export async function listApiTokens(db: Db, principal: Principal) {
  const all = isOrgAdmin(principal);
  const tokens = await db.apiToken.findMany({
    where: all ? {} : { ownerEmail: principal.email },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      ownerEmail: true,
      role: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
    },
  });
  return { everyone: all, tokens };
}
