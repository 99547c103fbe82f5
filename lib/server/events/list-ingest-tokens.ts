import "server-only";
import type { TIngestTokenList } from "@/lib/api/events";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { requireOrgAdmin } from "@/lib/server/authorize";
import { INGEST_ADMIN_ONLY } from "./create-ingest-token";

const DAY_MS = 86_400_000;

/** Every ingest token (never its secret) with its last use, and how much has arrived lately. */
export async function listIngestTokens(db: Db, principal: Principal): Promise<TIngestTokenList> {
  requireOrgAdmin(principal, INGEST_ADMIN_ONLY);
  const [tokens, received24h, last] = await Promise.all([
    db.ingestToken.findMany({
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        name: true,
        prefix: true,
        createdBy: true,
        createdAt: true,
        revokedAt: true,
        lastUsedAt: true,
      },
    }),
    db.ingestedEvent.count({ where: { receivedAt: { gte: new Date(Date.now() - DAY_MS) } } }),
    db.ingestedEvent.findFirst({ orderBy: { receivedAt: "desc" }, select: { receivedAt: true } }),
  ]);
  return {
    tokens: tokens.map((t) => ({
      ...t,
      createdAt: t.createdAt.toISOString(),
      revokedAt: t.revokedAt?.toISOString() ?? null,
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    })),
    received24h,
    lastReceivedAt: last?.receivedAt.toISOString() ?? null,
  };
}
