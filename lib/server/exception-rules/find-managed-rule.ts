import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/domain/access";
import { notFound } from "@/lib/errors";
import { visibleRulesWhere } from "./rule-visibility";

/** A rule the caller manages, or a 404 (another OU's rule is indistinguishable from none). */
export async function findManagedRule(tx: Prisma.TransactionClient, scope: Scope, id: string) {
  const rule = await tx.exceptionRule.findFirst({
    where: { AND: [{ id }, await visibleRulesWhere(tx, scope)] },
  });
  if (!rule) throw notFound("No such exception rule.");
  return rule;
}
