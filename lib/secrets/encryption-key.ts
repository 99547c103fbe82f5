// The key that seals stored secrets: ORGLENS_ENCRYPTION_KEY (32 bytes, base64 or hex), or, when it is
// unset, one derived from NEXTAUTH_SECRET with HKDF so a deployment is encrypted without extra set-up.
// ORGLENS_PREVIOUS_ENCRYPTION_KEY / ORGLENS_PREVIOUS_NEXTAUTH_SECRET keep old sealed values readable
// during a rotation. No "server-only" import: the CLI collector and `npm run secrets:rotate` use it too.
import { createHmac, hkdfSync } from "node:crypto";

export interface EncryptionKey {
  /** Stored beside every sealed value, so a reader picks the right key and a rotation finds old ones. */
  id: string;
  key: Buffer;
}

export interface Keyring {
  /** Seals new values. */
  current: EncryptionKey;
  /** Opens values sealed under any of these (current first). */
  readable: EncryptionKey[];
}

const HKDF_INFO = "orglens/alert-channel-secrets/v1";
const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64_KEY = /^[A-Za-z0-9+/_-]{43}=?$/;

export class EncryptionKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EncryptionKeyError";
  }
}

/** A 32-byte key written as 64 hex digits or as base64 (standard or URL-safe); null when malformed. */
export function parseEncryptionKey(text: string): Buffer | null {
  const s = text.trim();
  if (HEX_KEY.test(s)) return Buffer.from(s, "hex");
  if (!BASE64_KEY.test(s)) return null;
  const key = Buffer.from(s.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  return key.length === 32 ? key : null;
}

export function deriveKeyFromAuthSecret(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "", HKDF_INFO, 32));
}

export function keyOf(key: Buffer): EncryptionKey {
  return { id: createHmac("sha256", key).update("orglens key id").digest("hex").slice(0, 16), key };
}

function pick(
  raw: string | undefined,
  authSecret: string | undefined,
  names: [string, string],
): EncryptionKey | null {
  if (raw) {
    const key = parseEncryptionKey(raw);
    if (!key)
      throw new EncryptionKeyError(
        `${names[0]} must be 32 bytes written as 64 hex digits or base64 (e.g. \`openssl rand -base64 32\`).`,
      );
    return keyOf(key);
  }
  return authSecret ? keyOf(deriveKeyFromAuthSecret(authSecret)) : null;
}

export function keyringFromEnv(env: Record<string, string | undefined>): Keyring {
  const current = pick(env.ORGLENS_ENCRYPTION_KEY, env.NEXTAUTH_SECRET, [
    "ORGLENS_ENCRYPTION_KEY",
    "NEXTAUTH_SECRET",
  ]);
  if (!current)
    throw new EncryptionKeyError(
      "No key to encrypt alert channel secrets: set ORGLENS_ENCRYPTION_KEY (or NEXTAUTH_SECRET, which the key is then derived from).",
    );
  const previous = pick(env.ORGLENS_PREVIOUS_ENCRYPTION_KEY, env.ORGLENS_PREVIOUS_NEXTAUTH_SECRET, [
    "ORGLENS_PREVIOUS_ENCRYPTION_KEY",
    "ORGLENS_PREVIOUS_NEXTAUTH_SECRET",
  ]);
  return {
    current,
    readable: previous && previous.id !== current.id ? [current, previous] : [current],
  };
}
