import "server-only";
import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import type { TBudgetBody } from "@/lib/domain/budgets/api-schema";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { HttpError, notFound } from "@/lib/server/errors";

/** Creates a budget, or updates one; the scope must name something that exists. */
export async function saveBudget(db: Db, principal: Principal, body: TBudgetBody, id?: string) {
  const exists =
    body.scopeType === "account"
      ? await db.account.count({ where: { id: body.scopeId } })
      : body.scopeType === "ou"
        ? await db.orgUnit.count({ where: { id: body.scopeId } })
        : await db.account.count({ where: { costCenter: body.scopeId } });
  if (!exists) throw new HttpError(400, `No ${body.scopeType} "${body.scopeId}" is known.`);
  if (id && !(await db.budget.count({ where: { id } }))) throw notFound("No such budget.");
  const data = { name: body.name, scopeType: body.scopeType, scopeId: body.scopeId, monthlyAmount: body.monthlyAmount.toFixed(2) };
  const saved = id ? await db.budget.update({ where: { id }, data }) : await db.budget.create({ data });
  await recordAuditEvent({ actor: principal.email, action: id ? "budgets.update" : "budgets.create", target: saved.id, detail: { ...data } });
  return { id: saved.id };
}
