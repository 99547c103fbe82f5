import "server-only";
import { z } from "zod";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { requireOrgAdmin } from "@/lib/server/authorize";

export const ZAuditQuery = z.object({
  action: z.string().optional(),
  actor: z.string().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Newest first, keyset-paginated by id (`before`). The trail names every OU and person: unscoped admins only. */
export async function listAuditEvents(db: Db, principal: Principal, q: z.infer<typeof ZAuditQuery>) {
  requireOrgAdmin(principal, "The audit trail covers the whole organization; only an admin without an OU scope can read it.");
  const rows = await db.auditEvent.findMany({
    where: {
      ...(q.action ? { action: { startsWith: q.action } } : {}),
      ...(q.actor ? { actor: { contains: q.actor, mode: "insensitive" } } : {}),
      ...(q.before ? { id: { lt: BigInt(q.before) } } : {}),
    },
    orderBy: { id: "desc" },
    take: q.limit,
  });
  const events = rows.map((r) => ({ ...r, id: Number(r.id), at: r.at.toISOString() }));
  return { events, nextBefore: events.length === q.limit ? (events.at(-1)?.id ?? null) : null };
}
