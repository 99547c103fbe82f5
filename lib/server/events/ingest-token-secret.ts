import { randomBytes } from "node:crypto";

/** Ingest tokens carry their own prefix: API-token verification refuses them, and the reverse. */
export const INGEST_TOKEN_PREFIX = "oli_";

export function newIngestTokenSecret(): string {
  return `${INGEST_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}
