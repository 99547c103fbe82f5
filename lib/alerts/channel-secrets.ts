// Channel secrets at rest: each secret field of alert_channel.config is stored sealed (AES-256-GCM,
// lib/secrets), bound to its channel and field. Rows written before encryption hold plaintext strings:
// they are read as they are and sealed on their next save or by `npm run secrets:rotate`.
import { z } from "zod";
import type { EncryptionKey } from "@/lib/secrets/encryption-key";
import { isSealed, openSecret, sealSecret } from "@/lib/secrets/secret-box";
import { SECRET_KEYS, isChannelType } from "./channel-config";

export interface StoredChannel {
  id: string;
  type: string;
  config: unknown;
}

const ZConfigObject = z.record(z.string(), z.unknown()).catch({});

const aadOf = (channelId: string, field: string) => `alert_channel:${channelId}:${field}`;

/**
 * The config with every secret in plaintext; throws SecretUnreadableError when a key is missing.
 * `keys` may be a function: it is then only called when a sealed value is found, so a process without
 * a key (a CLI collector) can still send through channels that hold no sealed secret.
 */
export function openChannelConfig(
  channel: StoredChannel,
  keys: readonly EncryptionKey[] | (() => readonly EncryptionKey[]),
): Record<string, unknown> {
  const config = ZConfigObject.parse(channel.config);
  if (!isChannelType(channel.type)) return config;
  const out = { ...config };
  for (const field of SECRET_KEYS[channel.type]) {
    const v = config[field];
    if (isSealed(v))
      out[field] = openSecret(
        typeof keys === "function" ? keys() : keys,
        v,
        aadOf(channel.id, field),
      );
  }
  return out;
}

/** The config as stored: every secret sealed under the current key. */
export function sealChannelConfig(
  channel: StoredChannel,
  key: EncryptionKey,
): Record<string, unknown> {
  const config = ZConfigObject.parse(channel.config);
  if (!isChannelType(channel.type)) return config;
  const out = { ...config };
  for (const field of SECRET_KEYS[channel.type]) {
    const v = config[field];
    if (typeof v === "string" && v) out[field] = sealSecret(key, v, aadOf(channel.id, field));
  }
  return out;
}

/** Whether any secret of the stored config is plaintext or sealed under another key than `keyId`. */
export function needsSealing(channel: StoredChannel, keyId: string): boolean {
  const config = ZConfigObject.parse(channel.config);
  if (!isChannelType(channel.type)) return false;
  return SECRET_KEYS[channel.type].some((field) => {
    const v = config[field];
    return isSealed(v) ? v.kid !== keyId : typeof v === "string" && v !== "";
  });
}
