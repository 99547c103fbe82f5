// The accounts a caller may see, with what the anomaly list shows of them (name, OU path, cost center).
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/domain/access";
import { accountScope } from "@/lib/server/scope";

export interface VisibleAccount {
  name: string;
  ouId: string;
  ouPath: string;
  costCenter: string | null;
}

export async function visibleAccounts(db: Db, scope: Scope): Promise<Map<string, VisibleAccount>> {
  const rows = await db.account.findMany({
    where: accountScope(scope),
    select: { id: true, name: true, ouId: true, costCenter: true, ou: { select: { path: true } } },
  });
  return new Map(
    rows.map((r) => [
      r.id,
      { name: r.name, ouId: r.ouId, ouPath: r.ou.path, costCenter: r.costCenter },
    ]),
  );
}
