import "server-only";
import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import type { TRuleBody } from "@/lib/alerts/api-schema";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { notFound } from "@/lib/server/errors";

export async function saveAlertRule(db: Db, principal: Principal, body: TRuleBody) {
  const channel = await db.alertChannel.findUnique({ where: { id: body.channelId }, select: { id: true } });
  if (!channel) throw notFound("No such alert channel.");
  const rule = await db.alertRule.create({ data: body });
  await recordAuditEvent({ actor: principal.email, action: "alerts.rule.create", target: rule.id, detail: { ...body } });
  return rule;
}
