// Authorization that the route guard's role table cannot express: org-wide settings need an admin who
// sees the whole organization, and a scoped admin's targets must lie inside their OU subtrees.
import "server-only";
import type { Principal, Scope } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import { ouScope } from "./scope";

/** Throws 403 with `why` unless the caller is an admin over the whole organization. */
export function requireOrgAdmin(principal: Pick<Principal, "role" | "scope">, why: string): void {
  if (principal.role !== "admin" || principal.scope.ouIds !== null) throw forbidden(why);
}

export const isOrgAdmin = (principal: Pick<Principal, "role" | "scope">): boolean =>
  principal.role === "admin" && principal.scope.ouIds === null;

/** True when every OU id exists and lies inside the scope's subtrees (an unscoped caller: every existing OU). */
export async function ousInScope(db: Db, scope: Scope, ouIds: readonly string[]): Promise<boolean> {
  const wanted = [...new Set(ouIds)];
  if (wanted.length === 0) return true;
  const found = await db.orgUnit.count({ where: { id: { in: wanted }, ...ouScope(scope) } });
  return found === wanted.length;
}
