import "server-only";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireOrgAdmin } from "@/lib/server/authorize";

/** Deletes a channel with its rules and delivery log (cascade). */
export async function deleteAlertChannel(db: Db, principal: Principal, id: string) {
  requireOrgAdmin(
    principal,
    "Alert channels serve the whole organization; only an admin without an OU scope can change or test them.",
  );
  const deleted = await db.alertChannel.delete({ where: { id } });
  await recordAuditEvent({
    actor: principal.email,
    action: "alerts.channel.delete",
    target: id,
    detail: { name: deleted.name },
  });
  return { deleted: true };
}
