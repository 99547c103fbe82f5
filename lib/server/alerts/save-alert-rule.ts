import "server-only";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import type { TRuleBody } from "@/lib/api/alerts";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { isOrgAdmin, ousInScope } from "@/lib/server/authorize";
import { forbidden, notFound } from "@/lib/errors";

/** A scoped admin's rule must name OUs inside their subtrees: a rule without OUs alerts on the whole organization. */
export async function saveAlertRule(db: Db, principal: Principal, body: TRuleBody) {
  if (
    !isOrgAdmin(principal) &&
    (body.ouIds.length === 0 || !(await ousInScope(db, principal.scope, body.ouIds)))
  ) {
    throw forbidden("An OU-scoped admin's alert rule must be limited to OUs inside their scope.");
  }
  const channel = await db.alertChannel.findUnique({
    where: { id: body.channelId },
    select: { id: true },
  });
  if (!channel) throw notFound("No such alert channel.");
  const rule = await db.alertRule.create({ data: body });
  await recordAuditEvent(
    { actor: principal.email, action: "alerts.rule.create", target: rule.id, detail: { ...body } },
    db,
  );
  return rule;
}
