import "server-only";
import type { TAuditQuery } from "@/lib/api/settings";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { requireOrgAdmin } from "@/lib/server/authorize";

/** Newest first, keyset-paginated by id (`before`). The trail names every OU and person: unscoped admins only. */
export async function listAuditEvents(db: Db, principal: Principal, q: TAuditQuery) {
  requireOrgAdmin(
    principal,
    "The audit trail covers the whole organization; only an admin without an OU scope can read it.",
  );
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
