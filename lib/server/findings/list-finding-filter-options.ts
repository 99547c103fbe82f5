// What the findings filters offer: every check, and the OUs the caller may see (as paths).
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/domain/access";
import { ALL_CHECKS } from "@/lib/domain/checks";
import { ouScope } from "@/lib/server/scope";
import type { FindingFilterOptions } from "@/lib/api/findings";

export async function listFindingFilterOptions(
  db: Db,
  scope: Scope,
): Promise<FindingFilterOptions> {
  const ous = await db.orgUnit.findMany({
    where: { removedAt: null, ...ouScope(scope) },
    select: { id: true, path: true },
    orderBy: { path: "asc" },
  });
  const checks = ALL_CHECKS.map((c) => ({
    id: c.definition.id,
    title: c.definition.title,
    category: c.definition.category,
  })).toSorted((a, b) => a.title.localeCompare(b.title));
  return { checks, ous };
}
