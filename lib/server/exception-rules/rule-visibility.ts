// Which exception rules a caller manages: every rule for an unscoped admin; for an OU-scoped one the
// rules targeting an account or an OU inside their OUs, never an organization-wide rule.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/domain/access";

type TReader = Pick<Prisma.TransactionClient, "account" | "orgUnit">;

export async function visibleRulesWhere(
  db: TReader,
  scope: Scope,
): Promise<Prisma.ExceptionRuleWhereInput> {
  if (!scope.ouIds) return {};
  const [accounts, ous] = await Promise.all([
    db.account.findMany({
      where: { ou: { pathIds: { hasSome: scope.ouIds } } },
      select: { id: true },
    }),
    db.orgUnit.findMany({ where: { pathIds: { hasSome: scope.ouIds } }, select: { id: true } }),
  ]);
  return {
    OR: [{ accountId: { in: accounts.map((a) => a.id) } }, { ouId: { in: ous.map((o) => o.id) } }],
  };
}
