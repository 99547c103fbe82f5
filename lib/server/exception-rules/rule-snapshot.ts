import "server-only";
import type { TExceptionRuleInput } from "@/lib/api/exception-rules";

/** The user-editable fields of a stored rule, as the input schema has them (audit detail, YAML, diff). */
export function ruleInput(r: TExceptionRuleInput): TExceptionRuleInput {
  return {
    name: r.name,
    checkId: r.checkId,
    accountId: r.accountId,
    ouId: r.ouId,
    resourcePattern: r.resourcePattern,
    reason: r.reason,
    owner: r.owner,
    expiresAt: r.expiresAt,
    reviewAt: r.reviewAt,
  };
}
