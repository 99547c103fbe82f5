import "server-only";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { TChannelBody } from "@/lib/api/alerts";
import { maskConfig, mergeSecrets, parseChannel } from "@/lib/alerts/channel-config";
import {
  openChannelConfig,
  sealChannelConfig,
  type StoredChannel,
} from "@/lib/alerts/channel-secrets";
import { checkDestination } from "@/lib/alerts/check-destination";
import { allowListFromEnv } from "@/lib/alerts/target-policy";
import { keyringFromEnv, type EncryptionKey } from "@/lib/secrets/encryption-key";
import { SecretUnreadableError } from "@/lib/secrets/secret-box";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireOrgAdmin } from "@/lib/server/authorize";
import { AppError, notFound } from "@/lib/errors";

const ZStoredConfig = z.record(z.string(), z.json());

/** The stored config in plaintext, or null when its key is gone (a new secret can still replace it). */
function openStored(
  channel: StoredChannel,
  keys: readonly EncryptionKey[],
): Record<string, unknown> | null {
  try {
    return openChannelConfig(channel, keys);
  } catch (err) {
    if (err instanceof SecretUnreadableError) return null;
    throw err;
  }
}

const fieldError = (field: string, message: string) =>
  new AppError("INVALID_FIELD", message, { fields: [{ path: field, message }] });

/**
 * Creates a channel, or updates one. A masked secret in the body keeps the stored secret only while
 * its destination is unchanged; internal destinations are refused; secrets are stored sealed.
 */
export async function saveAlertChannel(
  db: Db,
  principal: Principal,
  body: TChannelBody,
  id?: string,
) {
  requireOrgAdmin(
    principal,
    "Alert channels serve the whole organization; only an admin without an OU scope can change or test them.",
  );
  const existing = id ? await db.alertChannel.findUnique({ where: { id } }) : null;
  if (id && !existing) throw notFound("No such alert channel.");
  const keys = keyringFromEnv(process.env);
  const stored = existing && existing.type === body.type ? openStored(existing, keys.readable) : {};
  const merged = mergeSecrets(body.type, stored ?? {}, body.config);
  if (!merged.ok)
    throw fieldError(
      merged.field,
      stored
        ? merged.message
        : "Enter the secret again: the stored one cannot be decrypted with the configured encryption key.",
    );
  const channel = parseChannel(body.type, merged.config);
  const refused = await checkDestination(channel, allowListFromEnv(process.env));
  if (refused) throw fieldError(refused.field, refused.message);

  const channelId = existing?.id ?? randomUUID();
  const config = ZStoredConfig.parse(
    sealChannelConfig({ id: channelId, type: body.type, config: channel.config }, keys.current),
  );
  const data = { name: body.name, type: body.type, enabled: body.enabled, config };
  const saved = existing
    ? await db.alertChannel.update({ where: { id: channelId }, data })
    : await db.alertChannel.create({ data: { id: channelId, ...data } });
  await recordAuditEvent({
    actor: principal.email,
    action: existing ? "alerts.channel.update" : "alerts.channel.create",
    target: saved.id,
    detail: { name: saved.name, type: saved.type, enabled: saved.enabled },
  });
  return {
    id: saved.id,
    name: saved.name,
    type: saved.type,
    enabled: saved.enabled,
    config: maskConfig(saved.type, channel.config),
  };
}
