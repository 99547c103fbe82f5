// One anomaly the caller may see, or "not found" (malformed id and another OU's anomaly alike).
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/domain/access";
import { notFound } from "@/lib/errors";
import type { CostAnomaly } from "@/lib/generated/prisma/client";
import { visibleAccounts, type VisibleAccount } from "./visible-accounts";

export async function findVisibleAnomaly(
  db: Db,
  scope: Scope,
  id: string,
): Promise<{ anomaly: CostAnomaly; account: VisibleAccount | undefined }> {
  if (!z.uuid().safeParse(id).success) throw notFound("No such anomaly.");
  const anomaly = await db.costAnomaly.findUnique({ where: { id } });
  if (!anomaly) throw notFound("No such anomaly.");
  const accounts = await visibleAccounts(db, scope);
  const account = accounts.get(anomaly.accountId);
  if (scope.ouIds && !account) throw notFound("No such anomaly.");
  return { anomaly, account };
}
