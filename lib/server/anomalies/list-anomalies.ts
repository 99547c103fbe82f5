// Cost anomalies of the accounts in the caller's scope, largest impact first, with the open ones
// rolled up per account, OU and cost center.
import "server-only";
import type { TAnomalyList, TAnomalyQuery } from "@/lib/api/anomalies";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/domain/access";
import { rollUpAnomalies } from "@/lib/domain/anomalies/roll-up";
import { anomalyToWire } from "./to-wire";
import { visibleAccounts } from "./visible-accounts";

const LIMIT = 1000;

export async function listAnomalies(db: Db, scope: Scope, q: TAnomalyQuery): Promise<TAnomalyList> {
  const accounts = await visibleAccounts(db, scope);
  const ids = q.accountId ? [q.accountId].filter((id) => accounts.has(id)) : [...accounts.keys()];
  const rows = await db.costAnomaly.findMany({
    where: {
      // The whole organization also sees anomalies of accounts it no longer lists.
      ...(scope.ouIds || q.accountId ? { accountId: { in: ids } } : {}),
      ...(q.status === "all" ? {} : { status: q.status }),
      ...(q.kind ? { kind: q.kind } : {}),
    },
    orderBy: [{ impact: "desc" }, { firstDay: "desc" }, { id: "asc" }],
    take: LIMIT,
  });
  const items = rows.map((r) => anomalyToWire(r, accounts.get(r.accountId)));
  const open = items.filter((a) => a.status === "open");
  return {
    items,
    rollUps: {
      account: rollUpAnomalies(open, (id) => ({ key: id, label: accounts.get(id)?.name ?? id })),
      ou: rollUpAnomalies(open, (id) => {
        const a = accounts.get(id);
        return a ? { key: a.ouId, label: a.ouPath } : null;
      }),
      costCenter: rollUpAnomalies(open, (id) => {
        const cc = accounts.get(id)?.costCenter;
        return cc ? { key: cc, label: cc } : null;
      }),
    },
  };
}
