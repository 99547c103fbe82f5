import "server-only";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { isOrgAdmin, ousInScope } from "@/lib/server/authorize";
import { notFound } from "@/lib/errors";

/** A scoped admin may delete only rules limited to OUs inside their scope; any other rule is "not found". */
export async function deleteAlertRule(db: Db, principal: Principal, id: string) {
  const rule = await db.alertRule.findUnique({ where: { id }, select: { ouIds: true } });
  if (!rule) throw notFound("No such alert rule.");
  if (
    !isOrgAdmin(principal) &&
    (rule.ouIds.length === 0 || !(await ousInScope(db, principal.scope, rule.ouIds)))
  )
    throw notFound("No such alert rule.");
  const deleted = await db.alertRule.delete({ where: { id } });
  await recordAuditEvent(
    {
      actor: principal.email,
      action: "alerts.rule.delete",
      target: id,
      detail: { name: deleted.name },
    },
    db,
  );
  return { deleted: true };
}
