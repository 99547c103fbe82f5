// A report's scope and who may see it: an org-wide report (no OUs) only admins over the whole
// organization; an OU report every admin whose scope holds all of its OUs. Anything else is "not found".
import "server-only";
import type { Principal, Scope } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { ousInScope } from "@/lib/server/authorize";

export const reportScope = (report: { ouIds: readonly string[] }): Scope => ({
  ouIds: report.ouIds.length ? [...report.ouIds] : null,
});

export async function reportVisibleTo(
  db: Db,
  principal: Pick<Principal, "scope">,
  report: { ouIds: readonly string[] },
): Promise<boolean> {
  if (!principal.scope.ouIds) return true;
  if (!report.ouIds.length) return false;
  return ousInScope(db, principal.scope, report.ouIds);
}
