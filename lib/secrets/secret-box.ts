// AES-256-GCM sealing of one secret. The stored form is a small JSON object, versioned and naming its
// key, so a legacy plaintext string can never be mistaken for a sealed value and a rotation can tell
// which values are still under an old key. The AAD binds a value to where it is stored (channel and
// field): a sealed value copied elsewhere in the database does not open.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { z } from "zod";
import type { EncryptionKey } from "./encryption-key";

export const ZSealed = z.object({
  v: z.literal(1),
  kid: z.string().min(1),
  iv: z.base64url(),
  tag: z.base64url(),
  data: z.base64url(),
});
export type TSealed = z.infer<typeof ZSealed>;

export class SecretUnreadableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretUnreadableError";
  }
}

export function isSealed(value: unknown): value is TSealed {
  return ZSealed.safeParse(value).success;
}

export function sealSecret(key: EncryptionKey, plaintext: string, aad: string): TSealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key.key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return {
    v: 1,
    kid: key.id,
    iv: iv.toString("base64url"),
    tag: cipher.getAuthTag().toString("base64url"),
    data: data.toString("base64url"),
  };
}

export function openSecret(keys: readonly EncryptionKey[], sealed: TSealed, aad: string): string {
  const key = keys.find((k) => k.id === sealed.kid);
  if (!key)
    throw new SecretUnreadableError(
      `a stored secret is sealed under key ${sealed.kid}, which is not configured (set ORGLENS_ENCRYPTION_KEY, or ORGLENS_PREVIOUS_ENCRYPTION_KEY during a rotation)`,
    );
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(sealed.iv, "base64url"));
    decipher.setAAD(Buffer.from(aad, "utf8"));
    decipher.setAuthTag(Buffer.from(sealed.tag, "base64url"));
    return Buffer.concat([
      decipher.update(Buffer.from(sealed.data, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new SecretUnreadableError(
      `a stored secret under key ${sealed.kid} failed authentication (altered, or moved from another channel)`,
    );
  }
}
