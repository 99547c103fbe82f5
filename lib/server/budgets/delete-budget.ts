import "server-only";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { notFound } from "@/lib/errors";
import { budgetTargetVisible } from "./budget-target-visible";

/** A budget whose target lies outside the caller's scope is "not found". */
export async function deleteBudget(db: Db, principal: Principal, id: string) {
  const existing = await db.budget.findUnique({
    where: { id },
    select: { scopeType: true, scopeId: true },
  });
  if (!existing || !(await budgetTargetVisible(db, principal.scope, existing)))
    throw notFound("No such budget.");
  const deleted = await db.budget.delete({ where: { id } });
  await recordAuditEvent(
    {
      actor: principal.email,
      action: "budgets.delete",
      target: id,
      detail: { name: deleted.name },
    },
    db,
  );
  return { deleted: true };
}
