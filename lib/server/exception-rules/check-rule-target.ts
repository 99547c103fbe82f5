// A rule's target must exist, and an OU-scoped admin may only target an account or OU inside their
// OUs (never the whole organization); the check must be one OrgLens runs.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/domain/access";
import { checkDefinition } from "@/lib/domain/checks";
import type { TExceptionRuleInput } from "@/lib/api/exception-rules";

type TReader = Pick<Prisma.TransactionClient, "account" | "orgUnit">;

export interface TTargetProblem {
  field: "checkId" | "accountId" | "ouId";
  message: string;
  /** Out of the caller's scope (403) rather than merely invalid (400). */
  forbidden: boolean;
}

export async function checkRuleTarget(
  db: TReader,
  scope: Scope,
  input: Pick<TExceptionRuleInput, "checkId" | "accountId" | "ouId">,
): Promise<TTargetProblem | null> {
  if (!checkDefinition(input.checkId))
    return { field: "checkId", message: `No check ${input.checkId}.`, forbidden: false };
  const inScope = (pathIds: readonly string[]) =>
    !scope.ouIds || scope.ouIds.some((id) => pathIds.includes(id));
  if (input.accountId !== null) {
    const account = await db.account.findUnique({
      where: { id: input.accountId },
      select: { ou: { select: { pathIds: true } } },
    });
    // Outside the scope reads like absent: a scoped admin learns nothing of other OUs' accounts.
    if (!account || !inScope(account.ou.pathIds))
      return {
        field: "accountId",
        message: `No account ${input.accountId} in your organization view.`,
        forbidden: account !== null,
      };
    return null;
  }
  if (input.ouId !== null) {
    const ou = await db.orgUnit.findUnique({
      where: { id: input.ouId },
      select: { pathIds: true },
    });
    if (!ou || !inScope(ou.pathIds))
      return {
        field: "ouId",
        message: `No OU ${input.ouId} in your organization view.`,
        forbidden: ou !== null,
      };
    return null;
  }
  if (scope.ouIds)
    return {
      field: "accountId",
      message:
        "An OU-scoped admin targets an account or an OU of theirs, not the whole organization.",
      forbidden: true,
    };
  return null;
}
