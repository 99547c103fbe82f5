// What a budget can target, inside the caller's scope: accounts, OUs and the cost centers they carry.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/domain/access";
import { listOuOptions } from "@/lib/server/org/list-ou-options";
import { accountScope } from "@/lib/server/scope";

export interface TBudgetOptions {
  accounts: { id: string; name: string }[];
  ous: { id: string; path: string }[];
  costCenters: string[];
}

export async function getBudgetOptions(db: Db, scope: Scope): Promise<TBudgetOptions> {
  const [accounts, ous, centers] = await Promise.all([
    db.account.findMany({
      where: { removedAt: null, ...accountScope(scope) },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    listOuOptions(db, scope),
    db.account.findMany({
      where: { removedAt: null, costCenter: { not: null }, ...accountScope(scope) },
      distinct: ["costCenter"],
      orderBy: { costCenter: "asc" },
      select: { costCenter: true },
    }),
  ]);
  return {
    accounts,
    ous,
    costCenters: centers.flatMap((c) => (c.costCenter ? [c.costCenter] : [])),
  };
}
