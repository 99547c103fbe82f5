// Adds an exception rule and applies it to the stored findings at once (audited with the count).
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import type { TExceptionRuleInput } from "@/lib/api/exception-rules";
import { applyExceptionRules } from "@/lib/collect/findings/apply-exceptions";
import { conflict } from "@/lib/errors";
import { auditExceptionRule, ruleAuditDetail } from "./audit-exception-rule";
import { requireRuleTarget } from "./require-rule-target";
import { lockFindings } from "@/lib/collect/findings/findings-lock";

export async function createExceptionRule(
  db: Db,
  actor: Pick<Principal, "email" | "scope">,
  input: TExceptionRuleInput,
): Promise<{ id: string; excepted: number }> {
  return db.$transaction(async (tx) => {
    await lockFindings(tx);
    await requireRuleTarget(tx, actor.scope, input);
    if (await tx.exceptionRule.findUnique({ where: { name: input.name }, select: { id: true } }))
      throw conflict(`A rule named ${input.name} exists already.`);
    const { id } = await tx.exceptionRule.create({
      data: { ...input, createdBy: actor.email },
      select: { id: true },
    });
    const applied = await applyExceptionRules(tx, {
      now: new Date(),
      runId: null,
      actor: actor.email,
    });
    await auditExceptionRule(tx, {
      actor: actor.email,
      action: "settings.exception_rule.create",
      target: id,
      detail: { ...ruleAuditDetail(input), excepted: applied.excepted },
    });
    return { id, excepted: applied.excepted };
  });
}
