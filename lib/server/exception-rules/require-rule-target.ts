import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/domain/access";
import type { TExceptionRuleInput } from "@/lib/api/exception-rules";
import { AppError } from "@/lib/errors";
import { checkRuleTarget } from "./check-rule-target";

/** checkRuleTarget as an error next to the field: 403 outside the caller's scope, 400 otherwise. */
export async function requireRuleTarget(
  db: Pick<Prisma.TransactionClient, "account" | "orgUnit">,
  scope: Scope,
  input: Pick<TExceptionRuleInput, "checkId" | "accountId" | "ouId">,
): Promise<void> {
  const problem = await checkRuleTarget(db, scope, input);
  if (problem)
    throw new AppError(problem.forbidden ? "FORBIDDEN" : "INVALID_FIELD", problem.message, {
      fields: [{ path: problem.field, message: problem.message }],
    });
}
