import "server-only";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import type { TBudgetBody } from "@/lib/api/budgets";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { forbidden, AppError, notFound } from "@/lib/errors";
import { budgetTargetVisible } from "./budget-target-visible";

/**
 * Creates a budget, or updates one; the target must exist. A scoped admin budgets accounts and OUs
 * inside their scope only: anything else is "not found", and cost centers (which span OUs) are refused.
 */
export async function saveBudget(db: Db, principal: Principal, body: TBudgetBody, id?: string) {
  const scoped = principal.scope.ouIds !== null;
  if (id) {
    const existing = await db.budget.findUnique({
      where: { id },
      select: { scopeType: true, scopeId: true },
    });
    if (!existing || !(await budgetTargetVisible(db, principal.scope, existing)))
      throw notFound("No such budget.");
  }
  if (scoped && body.scopeType === "costCenter")
    throw forbidden("A cost center spans OUs; only an admin without an OU scope can budget one.");
  if (!(await budgetTargetVisible(db, principal.scope, body))) {
    const message = `No ${body.scopeType} "${body.scopeId}" is known.`;
    throw scoped ? notFound(message) : new AppError("UNKNOWN_BUDGET_TARGET", message);
  }
  const data = {
    name: body.name,
    scopeType: body.scopeType,
    scopeId: body.scopeId,
    monthlyAmount: body.monthlyAmount.toFixed(2),
  };
  const saved = id
    ? await db.budget.update({ where: { id }, data })
    : await db.budget.create({ data });
  await recordAuditEvent(
    {
      actor: principal.email,
      action: id ? "budgets.update" : "budgets.create",
      target: saved.id,
      detail: { ...data },
    },
    db,
  );
  return { id: saved.id };
}
