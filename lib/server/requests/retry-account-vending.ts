import "server-only";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import { resumeStep } from "@/lib/domain/requests/vending";
import { conflict, notFound } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { ousInScope } from "@/lib/server/authorize";
import { getRequestSettings } from "./get-request-settings";
import { listVendingSteps } from "./list-vending-steps";
import { runVending, type ScheduleJob } from "./run-vending";

/** A run with no step for this long died with its process (a deploy, a crash): it may be retried. */
const STALE_RUN_MS = 15 * 60_000;

/**
 * "Retry from the failed step": resumes a failed vending run where it stopped (CreateAccount is never
 * repeated for a request whose account exists). Scoped like the decision: a request outside the
 * admin's OUs is "not found".
 */
export async function retryAccountVending(
  db: Db,
  principal: Principal,
  id: string,
  schedule: ScheduleJob,
) {
  const row = await db.accountRequest.findUnique({ where: { id } });
  if (!row || !(await ousInScope(db, principal.scope, [row.targetOuId])))
    throw notFound("No such request.");
  const steps = (await listVendingSteps(db, [id])).get(id) ?? [];
  const lastAt = steps.at(-1)?.at ?? row.decidedAt;
  const stale =
    row.vendingStatus === "running" && (!lastAt || Date.now() - lastAt.getTime() > STALE_RUN_MS);
  if (row.status !== "approved" || (row.vendingStatus !== "failed" && !stale))
    throw conflict("Only a request whose account creation failed can be retried.");
  if (!(await getRequestSettings(db)).createAccounts)
    throw conflict("Account creation is turned off in the request settings.");
  const from = resumeStep(steps);
  const { count } = await db.accountRequest.updateMany({
    where: { id, vendingStatus: row.vendingStatus },
    data: { vendingStatus: "running" },
  });
  if (!count) throw conflict("Someone else retried this request meanwhile.");
  await recordAuditEvent(
    {
      actor: principal.email,
      action: "requests.retry_vending",
      target: id,
      detail: { name: row.name, from },
    },
    db,
  );
  schedule(() => runVending(db, id));
  return { id, vending: "running" as const, from };
}
