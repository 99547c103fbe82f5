import "server-only";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import type { TDecisionBody } from "@/lib/api/requests";
import { InvalidTransitionError, transition } from "@/lib/domain/requests/state-machine";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { ousInScope } from "@/lib/server/authorize";
import { AppError, conflict, notFound } from "@/lib/errors";
import { runVending, type ScheduleJob } from "./run-vending";
import { getRequestSettings } from "./get-request-settings";
import { requestStateOf } from "@/lib/domain/requests/request-state";
import { toRequestView } from "./to-request-view";

/**
 * Approve or reject; an approval vends the account through Organizations when that setting is on
 * (scheduled after the response). A scoped admin decides only requests targeting OUs in their scope;
 * others are "not found".
 */
export async function decideAccountRequest(
  db: Db,
  principal: Principal,
  id: string,
  body: TDecisionBody,
  schedule: ScheduleJob,
) {
  const row = await db.accountRequest.findUnique({ where: { id } });
  if (!row || !(await ousInScope(db, principal.scope, [row.targetOuId])))
    throw notFound("No such request.");
  const settings = await getRequestSettings(db);
  // An approval that creates the account claims its vending in the same guarded update.
  const vend = body.decision === "approve" && settings.createAccounts;
  let patch;
  try {
    patch = transition(requestStateOf(row), {
      kind: body.decision,
      by: principal.email,
      note: body.note || null,
      at: new Date(),
    });
  } catch (err) {
    if (err instanceof InvalidTransitionError) throw conflict(err.message);
    throw new AppError("INVALID_DECISION", err instanceof Error ? err.message : String(err));
  }
  // Guarded on the status read above: two admins deciding at once cannot both win.
  const { count } = await db.accountRequest.updateMany({
    where: { id, status: row.status },
    data: { ...patch, ...(vend ? { vendingStatus: "running" } : {}) },
  });
  if (!count) throw conflict("The request was decided by someone else meanwhile.");
  await recordAuditEvent(
    {
      actor: principal.email,
      action: `requests.${body.decision}`,
      target: id,
      detail: { name: row.name, note: body.note, vending: vend },
    },
    db,
  );
  // CreateAccount and the wait for it take minutes: after the response, never inside it.
  if (vend) schedule(() => runVending(db, id));
  const updated = await db.accountRequest.findUniqueOrThrow({ where: { id } });
  const ou = await db.orgUnit.findUnique({
    where: { id: updated.targetOuId },
    select: { path: true },
  });
  return { request: toRequestView(updated, ou?.path, []), vending: vend };
}
