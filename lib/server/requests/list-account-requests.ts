import "server-only";
import type { Principal } from "@/lib/domain/access";
import { can } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { ZRequestList } from "@/lib/api/requests";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ouScope } from "@/lib/server/scope";
import { listVendingSteps } from "./list-vending-steps";
import { toRequestView } from "./to-request-view";

export const REDACTED_STEP_DETAIL = "This step failed; an OrgLens admin can see why and retry it.";

/**
 * Admins (requests:decide) see every request, a scoped admin those targeting OUs in their scope; everyone
 * also sees the requests they filed.
 */
export async function listAccountRequests(db: Db, principal: Principal) {
  const canDecide = can(principal.role, "requests:decide");
  const own: Prisma.AccountRequestWhereInput = { requestedBy: principal.email };
  const where: Prisma.AccountRequestWhereInput = !canDecide
    ? own
    : principal.scope.ouIds
      ? {
          OR: [
            own,
            {
              targetOuId: {
                in: (
                  await db.orgUnit.findMany({
                    where: ouScope(principal.scope),
                    select: { id: true },
                  })
                ).map((o) => o.id),
              },
            },
          ],
        }
      : {};
  const rows = await db.accountRequest.findMany({
    where,
    orderBy: { requestedAt: "desc" },
    take: 500,
  });
  const ous = await db.orgUnit.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.targetOuId))] } },
    select: { id: true, path: true },
  });
  const pathOf = new Map(ous.map((o) => [o.id, o.path]));
  const steps = await listVendingSteps(
    db,
    rows.filter((r) => r.vendingStatus !== null).map((r) => r.id),
  );
  // AWS's error text can name OrgLens's role, accounts and policies: the admins who can retry read it,
  // a requester learns which step failed.
  const shown = (id: string) =>
    (steps.get(id) ?? []).map((s) =>
      canDecide || s.status === "ok" ? s : { ...s, detail: REDACTED_STEP_DETAIL },
    );
  return ZRequestList.parse({
    canDecide,
    requests: rows.map((r) => toRequestView(r, pathOf.get(r.targetOuId), shown(r.id))),
  });
}
