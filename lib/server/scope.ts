// OU scope inside every query: a scoped principal sees the accounts under their OUs and nothing else.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/domain/access";

/** Prisma filter on Account. */
export function accountScope(scope: Scope): Prisma.AccountWhereInput {
  return scope.ouIds ? { ou: { pathIds: { hasSome: scope.ouIds } } } : {};
}

/** Prisma filter on OrgUnit: the scope's subtrees. */
export function ouScope(scope: Scope): Prisma.OrgUnitWhereInput {
  return scope.ouIds ? { pathIds: { hasSome: scope.ouIds } } : {};
}

/** SQL condition on a column holding account ids: `AND <column> IN (accounts in scope)`. */
export function sqlAccountScope(column: Prisma.Sql, scope: Scope): Prisma.Sql {
  if (!scope.ouIds) return Prisma.empty;
  return Prisma.sql`AND ${column} IN (SELECT a.id FROM account a JOIN org_unit o ON o.id = a.ou_id WHERE o.path_ids && ${scope.ouIds}::text[])`;
}
