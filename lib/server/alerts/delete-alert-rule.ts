import "server-only";
import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";

export async function deleteAlertRule(db: Db, principal: Principal, id: string) {
  const deleted = await db.alertRule.delete({ where: { id } });
  await recordAuditEvent({ actor: principal.email, action: "alerts.rule.delete", target: id, detail: { name: deleted.name } });
  return { deleted: true };
}
