import "server-only";
import type { Db } from "@/lib/db/client";
import { hashToken } from "@/lib/server/tokens/hash-token";
import { INGEST_TOKEN_PREFIX } from "./ingest-token-secret";

/** Last use is shown to the minute: a busy token writes at most once a minute. */
const LAST_USE_RESOLUTION_MS = 60_000;

/** The `Authorization: Bearer …` value → the active ingest token's id, or null (→ 401). */
export async function verifyIngestToken(
  db: Db,
  authorization: string | null,
  now = new Date(),
): Promise<string | null> {
  if (!authorization?.toLowerCase().startsWith("bearer ")) return null;
  const secret = authorization.slice(7).trim();
  if (!secret.startsWith(INGEST_TOKEN_PREFIX)) return null;
  const token = await db.ingestToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: { id: true, revokedAt: true, lastUsedAt: true },
  });
  if (!token || token.revokedAt) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USE_RESOLUTION_MS)
    await db.ingestToken
      .update({ where: { id: token.id }, data: { lastUsedAt: now } })
      .catch(() => undefined);
  return token.id;
}
