import "server-only";
import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";

export async function deleteBudget(db: Db, principal: Principal, id: string) {
  const deleted = await db.budget.delete({ where: { id } });
  await recordAuditEvent({ actor: principal.email, action: "budgets.delete", target: id, detail: { name: deleted.name } });
  return { deleted: true };
}
