import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "olp_";

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function newTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}
