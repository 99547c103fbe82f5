import "server-only";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import type { TRequestBody } from "@/lib/api/requests";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { AppError, notFound } from "@/lib/errors";
import { ouScope } from "@/lib/server/scope";
import { toRequestView } from "./to-request-view";

/** The target OU must be inside the requester's scope: any other OU is "not found", its path never shown. */
export async function createAccountRequest(db: Db, principal: Principal, body: TRequestBody) {
  const ou = await db.orgUnit.findFirst({
    where: { id: body.targetOuId, removedAt: null, ...ouScope(principal.scope) },
    select: { path: true },
  });
  if (!ou)
    throw principal.scope.ouIds
      ? notFound("The target OU does not exist in your part of the organization.")
      : new AppError("UNKNOWN_OU", "The target OU does not exist.");
  const row = await db.accountRequest.create({
    data: {
      ...body,
      monthlyBudget: body.monthlyBudget === null ? null : body.monthlyBudget.toFixed(2),
      requestedBy: principal.email,
      status: "requested",
    },
  });
  await recordAuditEvent(
    {
      actor: principal.email,
      action: "requests.create",
      target: row.id,
      detail: { name: row.name, targetOuId: row.targetOuId },
    },
    db,
  );
  return toRequestView(row, ou.path, []);
}
