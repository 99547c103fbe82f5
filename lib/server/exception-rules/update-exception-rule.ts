// Changes a rule the caller manages (its new target must be theirs too) and re-applies the rules to
// the stored findings, audited with the previous values.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import type { TExceptionRuleInput } from "@/lib/api/exception-rules";
import { applyExceptionRules } from "@/lib/collect/findings/apply-exceptions";
import { conflict } from "@/lib/errors";
import { auditExceptionRule, ruleAuditDetail } from "./audit-exception-rule";
import { findManagedRule } from "./find-managed-rule";
import { requireRuleTarget } from "./require-rule-target";
import { ruleInput } from "./rule-snapshot";
import { lockFindings } from "@/lib/collect/findings/findings-lock";

export async function updateExceptionRule(
  db: Db,
  actor: Pick<Principal, "email" | "scope">,
  id: string,
  input: TExceptionRuleInput,
): Promise<{ id: string; excepted: number; unexcepted: number }> {
  return db.$transaction(async (tx) => {
    await lockFindings(tx);
    const before = await findManagedRule(tx, actor.scope, id);
    await requireRuleTarget(tx, actor.scope, input);
    const clash = await tx.exceptionRule.findUnique({
      where: { name: input.name },
      select: { id: true },
    });
    if (clash && clash.id !== id) throw conflict(`A rule named ${input.name} exists already.`);
    await tx.exceptionRule.update({ where: { id }, data: input });
    const applied = await applyExceptionRules(tx, {
      now: new Date(),
      runId: null,
      actor: actor.email,
    });
    await auditExceptionRule(tx, {
      actor: actor.email,
      action: "settings.exception_rule.update",
      target: id,
      detail: {
        ...ruleAuditDetail(input),
        previous: ruleAuditDetail(ruleInput(before)),
        ...applied,
      },
    });
    return { id, ...applied };
  });
}
