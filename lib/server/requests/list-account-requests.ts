import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { can } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { ZRequestList } from "@/lib/domain/requests/api-schema";
import { toRequestView } from "./to-request-view";

/** Admins (requests:decide) see every request; everyone else sees the requests they filed. */
export async function listAccountRequests(db: Db, principal: Principal) {
  const canDecide = can(principal.role, "requests:decide");
  const rows = await db.accountRequest.findMany({ where: canDecide ? {} : { requestedBy: principal.email }, orderBy: { requestedAt: "desc" }, take: 500 });
  const ous = await db.orgUnit.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.targetOuId))] } }, select: { id: true, path: true } });
  const pathOf = new Map(ous.map((o) => [o.id, o.path]));
  return ZRequestList.parse({ canDecide, requests: rows.map((r) => toRequestView(r, pathOf.get(r.targetOuId))) });
}
