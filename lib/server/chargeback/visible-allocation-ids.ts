// What of a shared-cost rule an OU-scoped caller may see: their accounts, their OUs, and the cost
// centers of those (account cost centers and OU defaults). Null = everything (unscoped callers).
import "server-only";
import type { Scope } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { accountScope, ouScope } from "@/lib/server/scope";

export interface VisibleIds {
  accounts: ReadonlySet<string>;
  ous: ReadonlySet<string>;
  costCenters: ReadonlySet<string>;
}

export async function visibleAllocationIds(db: Db, scope: Scope): Promise<VisibleIds | null> {
  if (!scope.ouIds) return null;
  const [accounts, ous] = await Promise.all([
    db.account.findMany({ where: accountScope(scope), select: { id: true, costCenter: true } }),
    db.orgUnit.findMany({ where: ouScope(scope), select: { id: true } }),
  ]);
  const defaults = await db.ouCostCenter.findMany({
    where: { ouId: { in: ous.map((o) => o.id) } },
    select: { costCenter: true },
  });
  return {
    accounts: new Set(accounts.map((a) => a.id)),
    ous: new Set(ous.map((o) => o.id)),
    costCenters: new Set([
      ...accounts.flatMap((a) => (a.costCenter ? [a.costCenter] : [])),
      ...defaults.map((d) => d.costCenter),
    ]),
  };
}
