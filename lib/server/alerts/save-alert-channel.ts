import "server-only";
import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import type { TChannelBody } from "@/lib/alerts/api-schema";
import { maskConfig, mergeSecrets, parseChannel } from "@/lib/alerts/channel-config";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireOrgAdmin } from "@/lib/server/authorize";
import { notFound } from "@/lib/server/errors";

/** Creates a channel, or updates one (a masked secret in the body keeps the stored secret). */
export async function saveAlertChannel(db: Db, principal: Principal, body: TChannelBody, id?: string) {
  requireOrgAdmin(principal, "Alert channels serve the whole organization; only an admin without an OU scope can change or test them.");
  const existing = id ? await db.alertChannel.findUnique({ where: { id } }) : null;
  if (id && !existing) throw notFound("No such alert channel.");
  const merged = existing && existing.type === body.type ? mergeSecrets(body.type, existing.config, body.config) : body.config;
  const { config } = parseChannel(body.type, merged);
  const data = { name: body.name, type: body.type, enabled: body.enabled, config };
  const saved = id ? await db.alertChannel.update({ where: { id }, data }) : await db.alertChannel.create({ data });
  await recordAuditEvent({ actor: principal.email, action: id ? "alerts.channel.update" : "alerts.channel.create", target: saved.id, detail: { name: saved.name, type: saved.type, enabled: saved.enabled } });
  return { id: saved.id, name: saved.name, type: saved.type, enabled: saved.enabled, config: maskConfig(saved.type, saved.config) };
}
