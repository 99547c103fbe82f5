import "server-only";
import type { Principal } from "@/lib/domain/access";
import { resolveRole } from "@/lib/auth/resolve-role";
import { isRole } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { loadRoleBindings } from "@/lib/server/settings/load-role-bindings";
import { hashToken, TOKEN_PREFIX } from "./hash-token";
import { limitTokenRights } from "./limit-token-rights";

/** Last use is shown to people, to the minute: a busy token writes at most once a minute. */
const LAST_USE_RESOLUTION_MS = 60_000;

export interface VerifyOptions {
  /** Bootstrap admins (ORGLENS_ADMIN_EMAILS): resolved like sign-in resolves them. */
  adminEmails: readonly string[];
  now?: Date;
}

/**
 * A valid, unexpired, unrevoked token → a read-only principal with the lesser of the token's rights and
 * its creator's current ones (their stored groups against today's role bindings). A creator without any
 * role, or whose scope no longer overlaps the token's, makes the token dead (null → 401).
 */
export async function verifyApiToken(
  db: Db,
  secret: string,
  opts: VerifyOptions,
): Promise<Principal | null> {
  const now = opts.now ?? new Date();
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const token = await db.apiToken.findUnique({ where: { tokenHash: hashToken(secret) } });
  if (!token || token.revokedAt || token.expiresAt <= now || !isRole(token.role)) return null;
  // The owner's email counts as verified here: a token never exceeds the rights it was created with, so
  // this can keep a bootstrap admin's token alive but never raise a token above its creation.
  const creator = resolveRole({
    verifiedEmail: token.ownerEmail,
    groups: token.ownerGroups,
    bindings: await loadRoleBindings(db),
    adminEmails: opts.adminEmails,
  });
  if (!creator) return null;
  const ouIds = [...token.ouIds, ...(creator.scope.ouIds ?? [])];
  const ous = ouIds.length
    ? await db.orgUnit.findMany({
        where: { id: { in: ouIds } },
        select: { id: true, pathIds: true },
      })
    : [];
  const rights = limitTokenRights(
    { role: token.role, scope: { ouIds: token.ouIds.length ? token.ouIds : null } },
    creator,
    new Map(ous.map((o) => [o.id, o.pathIds])),
  );
  if (!rights) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USE_RESOLUTION_MS) {
    // Informational; a lost update under concurrency does not matter, and a failure must not fail the request.
    void db.apiToken
      .update({ where: { id: token.id }, data: { lastUsedAt: now } })
      .catch(() => undefined);
  }
  return {
    kind: "token",
    email: token.ownerEmail,
    name: token.name,
    role: rights.role,
    scope: rights.scope,
    tokenId: token.id,
  };
}
