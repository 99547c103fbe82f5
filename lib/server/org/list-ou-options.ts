// The live OUs a caller may pick as a target (requests, alert rules, role-binding scopes), by path.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/domain/access";
import { ouScope } from "@/lib/server/scope";

export function listOuOptions(db: Db, scope: Scope): Promise<{ id: string; path: string }[]> {
  return db.orgUnit.findMany({
    where: { removedAt: null, ...ouScope(scope) },
    orderBy: { path: "asc" },
    select: { id: true, path: true },
  });
}
