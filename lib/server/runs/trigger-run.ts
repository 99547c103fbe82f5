// Starts a collection run in the background and answers as soon as its run row exists (or 409 when
// one is already running, or when this server may not collect: see ./choose-run-source). The caller keeps the returned promise alive until the run ends.
import "server-only";
import { afterRun } from "@/lib/collect/after-run";
import { RunAlreadyInProgressError, runCollection } from "@/lib/collect/run";
import { STORED_RUN_STATUSES } from "@/lib/collect/store/data-source";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import type { TTriggeredRun } from "@/lib/api/runs";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { conflict } from "@/lib/errors";
import { logger } from "@/lib/log";
import { chooseRunSource } from "./choose-run-source";
import { runRequestFor } from "./run-request-for";

/** Lets the 202 leave before a CPU-heavy source (the demo generator) holds the event loop. */
const YIELD_MS = 100;

export async function triggerRun(db: Db, databaseUrl: string, principal: Principal): Promise<{ run: TTriggeredRun; finished: Promise<unknown> }> {
  const last = await db.collectionRun.findFirst({
    where: { status: { in: STORED_RUN_STATUSES } },
    orderBy: { startedAt: "desc" },
    select: { source: true },
  });
  const choice = chooseRunSource(last?.source ?? null, process.env);
  if ("refused" in choice) throw conflict(choice.refused);
  const request = await runRequestFor(db, choice.source);

  let announce: (runId: string) => void = () => undefined;
  const started = new Promise<string>((resolve) => (announce = resolve));
  const finished = runCollection(db, databaseUrl, {
    ...request,
    triggeredBy: principal.email,
    // Same follow-up as `npm run collect`: alerts on new findings, account requests moved along.
    afterCommit: async (result) => void (await afterRun(db, result.runId, (message) => logger.info({ runId: result.runId }, message))),
    produce: async (ctx) => {
      announce(ctx.runId);
      await new Promise((resolve) => setTimeout(resolve, YIELD_MS));
      return request.produce(ctx);
    },
  });

  let runId: string;
  try {
    runId = await Promise.race([started, finished.then((r) => r.runId)]);
  } catch (err) {
    if (err instanceof RunAlreadyInProgressError) throw conflict("A collection run is already running. Wait for it to finish.");
    throw err;
  }
  const logged = finished.then(
    (r) => logger.info({ runId: r.runId, status: r.status, source: request.source }, "triggered collection run finished"),
    (err: unknown) => logger.error({ err, runId }, "triggered collection run crashed"),
  );
  await recordAuditEvent({ actor: principal.email, action: "runs.trigger", target: runId, detail: { source: request.source } }, db);
  return { run: { id: runId, source: request.source, status: "running" }, finished: logged };
}
