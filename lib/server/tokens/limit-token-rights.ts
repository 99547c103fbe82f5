// A token's rights are the lesser of what it was created with and what its creator holds now.
import type { Scope } from "@/lib/domain/access";
import type { Resolved } from "@/lib/auth/resolve-role";
import { roleRank } from "@/lib/auth/roles";
import type { TRole } from "@/lib/domain/access";

/**
 * Role: the lower of the two. Scope: the intersection of the two sets of OU subtrees — an OU of one side
 * is kept when it lies inside a subtree of the other (`pathIds` lists an OU's ancestors and itself).
 * Null when nothing is left: the token is dead.
 */
export function limitTokenRights(
  token: Resolved,
  creator: Resolved,
  pathIds: ReadonlyMap<string, readonly string[]>,
): Resolved | null {
  const role: TRole = roleRank(token.role) <= roleRank(creator.role) ? token.role : creator.role;
  const scope = intersectScopes(token.scope, creator.scope, pathIds);
  return scope ? { role, scope } : null;
}

function intersectScopes(
  a: Scope,
  b: Scope,
  pathIds: ReadonlyMap<string, readonly string[]>,
): Scope | null {
  if (a.ouIds === null) return b;
  if (b.ouIds === null) return a;
  const inside = (ou: string, roots: readonly string[]) =>
    (pathIds.get(ou) ?? [ou]).some((id) => roots.includes(id));
  const bRoots = b.ouIds;
  const aRoots = a.ouIds;
  const kept = [
    ...new Set([
      ...aRoots.filter((ou) => inside(ou, bRoots)),
      ...bRoots.filter((ou) => inside(ou, aRoots)),
    ]),
  ].sort();
  return kept.length ? { ouIds: kept } : null;
}
