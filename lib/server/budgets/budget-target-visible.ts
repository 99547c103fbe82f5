// Whether a budget's target (account, OU or cost center) exists inside the caller's scope. A cost
// center spans OUs, so only callers who see the whole organization can see or budget one.
import "server-only";
import type { Scope } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { accountScope, ouScope } from "@/lib/server/scope";

export async function budgetTargetVisible(
  db: Db,
  scope: Scope,
  target: { scopeType: string; scopeId: string },
): Promise<boolean> {
  if (target.scopeType === "account")
    return (await db.account.count({ where: { id: target.scopeId, ...accountScope(scope) } })) > 0;
  if (target.scopeType === "ou")
    return (await db.orgUnit.count({ where: { id: target.scopeId, ...ouScope(scope) } })) > 0;
  if (scope.ouIds) return false;
  return (await db.account.count({ where: { costCenter: target.scopeId } })) > 0;
}
