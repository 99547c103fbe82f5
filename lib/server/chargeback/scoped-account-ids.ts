// The account ids a principal may see; null = the whole organization.
import "server-only";
import type { Scope } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { accountScope } from "@/lib/server/scope";

export async function scopedAccountIds(db: Db, scope: Scope): Promise<Set<string> | null> {
  if (!scope.ouIds) return null;
  const rows = await db.account.findMany({ where: accountScope(scope), select: { id: true } });
  return new Set(rows.map((r) => r.id));
}
