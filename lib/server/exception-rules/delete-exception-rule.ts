// Deletes a rule the caller manages: its findings count again at once (or fall under another rule),
// each with an `unexcepted` event naming it; audited with the deleted values.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import { applyExceptionRules } from "@/lib/collect/findings/apply-exceptions";
import { auditExceptionRule, ruleAuditDetail } from "./audit-exception-rule";
import { findManagedRule } from "./find-managed-rule";
import { ruleInput } from "./rule-snapshot";
import { lockFindings } from "@/lib/collect/findings/findings-lock";

export async function deleteExceptionRule(
  db: Db,
  actor: Pick<Principal, "email" | "scope">,
  id: string,
): Promise<{ id: string; unexcepted: number }> {
  return db.$transaction(async (tx) => {
    await lockFindings(tx);
    const before = await findManagedRule(tx, actor.scope, id);
    const applied = await applyExceptionRules(tx, {
      now: new Date(),
      runId: null,
      actor: actor.email,
      without: new Set([id]),
    });
    await tx.exceptionRule.delete({ where: { id } });
    await auditExceptionRule(tx, {
      actor: actor.email,
      action: "settings.exception_rule.delete",
      target: id,
      detail: { ...ruleAuditDetail(ruleInput(before)), unexcepted: applied.unexcepted },
    });
    return { id, unexcepted: applied.unexcepted };
  });
}
