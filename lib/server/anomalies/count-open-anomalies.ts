// Open anomalies in the caller's scope and their impact, for the overview.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/domain/access";
import { visibleAccounts } from "./visible-accounts";

export async function countOpenAnomalies(
  db: Db,
  scope: Scope,
): Promise<{ count: number; impact: number }> {
  const where = scope.ouIds
    ? { status: "open", accountId: { in: [...(await visibleAccounts(db, scope)).keys()] } }
    : { status: "open" };
  const agg = await db.costAnomaly.aggregate({ where, _count: true, _sum: { impact: true } });
  return { count: agg._count, impact: Number(agg._sum.impact ?? 0) };
}
