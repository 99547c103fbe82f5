// "Re-evaluate now": checks and KPIs run again over the evidence the last collection stored, without
// calling AWS, as a run of source "re-evaluation" (same lock, same findings lifecycle, same after-run
// alerts). Answers when the run has ended: reading back and evaluating takes seconds, not the minutes
// of a collection. Admins of the whole organization only; audited.
import "server-only";
import { collect } from "@/lib/collect/collect";
import { RunAlreadyInProgressError } from "@/lib/collect/run";
import { STORED_RUN_STATUSES } from "@/lib/collect/store/data-source";
import { REEVALUATION_SOURCE, storedEvidenceSource } from "@/lib/collect/sources/stored/source";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import type { TReevaluation } from "@/lib/api/check-settings";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireOrgAdmin } from "@/lib/server/authorize";
import { conflict } from "@/lib/errors";
import { logger } from "@/lib/log";
import { z } from "zod";

export const NOTHING_TO_REEVALUATE =
  "There is no collected evidence to re-evaluate yet: run a collection first.";
export const RUN_IN_PROGRESS =
  "A collection run is already running. Re-evaluate when it has finished.";

/** The evaluation summary counts findings per check: { checkId: n }. */
const ZTotal = z
  .record(z.string(), z.number())
  .transform((byCheck) => Object.values(byCheck).reduce((a, b) => a + b, 0));
const ZLifecycleCounts = z.object({
  findings: z.object({ opened: ZTotal, reopened: ZTotal, resolved: ZTotal }),
});

export async function reevaluateNow(
  db: Db,
  databaseUrl: string,
  principal: Pick<Principal, "role" | "scope" | "email">,
): Promise<TReevaluation> {
  requireOrgAdmin(
    principal,
    "A re-evaluation changes findings across the whole organization; only an admin who is not limited to some OUs can start one.",
  );
  const collected = await db.collectionRun.count({
    where: { status: { in: STORED_RUN_STATUSES }, source: { not: REEVALUATION_SOURCE } },
  });
  if (!collected) throw conflict(NOTHING_TO_REEVALUATE);

  let result;
  try {
    result = await collect(db, databaseUrl, storedEvidenceSource(db), {
      triggeredBy: principal.email,
      log: (message) => logger.info({ source: REEVALUATION_SOURCE }, message),
    });
  } catch (err) {
    if (err instanceof RunAlreadyInProgressError) throw conflict(RUN_IN_PROGRESS);
    throw err;
  }
  const counts = ZLifecycleCounts.safeParse(result.summary).data?.findings;
  const answer: TReevaluation = {
    id: result.runId,
    source: REEVALUATION_SOURCE,
    status: result.status,
    opened: counts?.opened ?? 0,
    reopened: counts?.reopened ?? 0,
    resolved: counts?.resolved ?? 0,
    error: result.error,
  };
  await recordAuditEvent(
    {
      actor: principal.email,
      action: "runs.reevaluate",
      target: result.runId,
      detail: {
        status: answer.status,
        opened: answer.opened,
        reopened: answer.reopened,
        resolved: answer.resolved,
      },
    },
    db,
  );
  return answer;
}
