// The one WHERE clause behind the findings list, its counts, the detail and the CSV export, so that
// what a person sees, counts and downloads can never disagree. Table alias: `f` (finding).
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/domain/access";
import type { TFindingFilters, TFindingStatus } from "@/lib/api/findings";

const NOT_MUTED = Prisma.sql`(f.muted_until IS NULL OR f.muted_until <= now())`;
/** Kept current by every evaluation and every rule change (lib/collect/findings/apply-exceptions). */
const NOT_EXCEPTED = Prisma.sql`f.exception_rule_id IS NULL`;

export function statusCondition(status: TFindingStatus): Prisma.Sql {
  switch (status) {
    case "open":
      return Prisma.sql`f.status = 'open' AND ${NOT_MUTED} AND ${NOT_EXCEPTED}`;
    case "muted":
      return Prisma.sql`f.status = 'open' AND f.muted_until > now() AND ${NOT_EXCEPTED}`;
    case "excepted":
      return Prisma.sql`f.status = 'open' AND f.exception_rule_id IS NOT NULL`;
    case "stale":
      return Prisma.sql`f.status = 'open' AND f.stale`;
    case "resolved":
      return Prisma.sql`f.status = 'resolved'`;
    case "all":
      return Prisma.sql`TRUE`;
  }
}

/**
 * A finding is visible when its account is under the caller's OUs; one without an account when its OU
 * is; an organization-wide one (neither) only to unscoped callers, since it is about every OU at once.
 */
function scopeCondition(scope: Scope): Prisma.Sql {
  if (!scope.ouIds) return Prisma.sql`TRUE`;
  return Prisma.sql`(
    f.account_id IN (SELECT a.id FROM account a JOIN org_unit o ON o.id = a.ou_id WHERE o.path_ids && ${scope.ouIds}::text[])
    OR (f.account_id IS NULL AND f.ou_id IN (SELECT o.id FROM org_unit o WHERE o.path_ids && ${scope.ouIds}::text[])))`;
}

/** Subtree of an OU: its accounts' findings, its OUs' findings, and org-wide ones for the root. */
function ouCondition(ou: string): Prisma.Sql {
  return Prisma.sql`(
    f.account_id IN (SELECT a.id FROM account a JOIN org_unit o ON o.id = a.ou_id WHERE ${ou} = ANY(o.path_ids))
    OR (f.account_id IS NULL AND f.ou_id IN (SELECT o.id FROM org_unit o WHERE ${ou} = ANY(o.path_ids)))
    OR (f.account_id IS NULL AND f.ou_id IS NULL AND EXISTS (SELECT 1 FROM org_unit r WHERE r.id = ${ou} AND r.parent_id IS NULL)))`;
}

/** Open, not muted, not excepted, and past its due date (never NULL: no due date is not overdue). */
export const OVERDUE = Prisma.sql`(f.status = 'open' AND ${NOT_MUTED} AND ${NOT_EXCEPTED} AND f.due_at IS NOT NULL AND f.due_at < now())`;

export interface WhereOptions {
  /** Leave these filters out (the counts next to a filter ignore that filter). */
  omit?: readonly ("severity" | "status")[];
  /** Who "mine" means (lower-cased email and IdP groups); without them "mine" matches nothing. */
  owners?: readonly string[];
}

export function findingsWhere(
  filters: TFindingFilters,
  scope: Scope,
  opts: WhereOptions = {},
): Prisma.Sql {
  const parts: Prisma.Sql[] = [scopeCondition(scope)];
  if (filters.check) parts.push(Prisma.sql`f.check_id = ${filters.check}`);
  if (filters.category) parts.push(Prisma.sql`f.category = ${filters.category}`);
  if (filters.severity && !opts.omit?.includes("severity"))
    parts.push(Prisma.sql`f.severity = ${filters.severity}`);
  if (filters.account) parts.push(Prisma.sql`f.account_id = ${filters.account}`);
  if (filters.ou) parts.push(ouCondition(filters.ou));
  if (filters.mine) {
    const owners = [...(opts.owners ?? [])];
    parts.push(
      owners.length ? Prisma.sql`lower(f.owner) = ANY(${owners}::text[])` : Prisma.sql`FALSE`,
    );
  }
  if (filters.overdue) parts.push(OVERDUE);
  if (!opts.omit?.includes("status")) parts.push(statusCondition(filters.status));
  return Prisma.join(parts, " AND ");
}
