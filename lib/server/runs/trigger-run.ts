// Starts a collection run and answers as soon as its run row exists (or 409 when one is already
// running, or when this server may not collect: see ./choose-run-source). The source waits until the
// caller calls `proceed`, which the route does from Next's `after()`: the 202 has left by then, even
// when the source (the demo generator) then holds the event loop for a while.
import "server-only";
import { collect } from "@/lib/collect/collect";
import { RunAlreadyInProgressError } from "@/lib/collect/run";
import { STORED_RUN_STATUSES } from "@/lib/collect/store/data-source";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import type { TTriggeredRun } from "@/lib/api/runs";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { conflict } from "@/lib/errors";
import { logger } from "@/lib/log";
import { chooseRunSource } from "./choose-run-source";
import { sourceFor } from "./source-for";

export interface TriggeredRun {
  run: TTriggeredRun;
  /** Lets the run produce its snapshot; resolves when the run has ended (logged, never rejects). */
  proceed: () => Promise<unknown>;
}

export async function triggerRun(
  db: Db,
  databaseUrl: string,
  principal: Principal,
): Promise<TriggeredRun> {
  const last = await db.collectionRun.findFirst({
    where: { status: { in: STORED_RUN_STATUSES }, source: { not: "re-evaluation" } },
    orderBy: { startedAt: "desc" },
    select: { source: true },
  });
  const choice = chooseRunSource(last?.source ?? null, process.env);
  if ("refused" in choice) throw conflict(choice.refused);
  const source = await sourceFor(db, choice.source);

  let announce: (runId: string) => void = () => undefined;
  let startedId: string | null = null;
  const started = new Promise<string>((resolve) => (announce = resolve));
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const finished = collect(
    db,
    databaseUrl,
    {
      name: source.name,
      produce: async (ctx) => {
        startedId = ctx.runId;
        announce(ctx.runId);
        await gate;
        return source.produce(ctx);
      },
    },
    { triggeredBy: principal.email, log: (message) => logger.info({ runId: startedId }, message) },
  );

  let runId: string;
  try {
    runId = await Promise.race([started, finished.then((r) => r.runId)]);
  } catch (err) {
    if (err instanceof RunAlreadyInProgressError)
      throw conflict("A collection run is already running. Wait for it to finish.");
    throw err;
  }
  const logged = finished.then(
    (r) =>
      logger.info(
        { runId: r.runId, status: r.status, source: source.name },
        "triggered collection run finished",
      ),
    (err: unknown) => logger.error({ err, runId }, "triggered collection run crashed"),
  );
  const proceed = () => (open(), logged);
  try {
    await recordAuditEvent(
      {
        actor: principal.email,
        action: "runs.trigger",
        target: runId,
        detail: { source: source.name },
      },
      db,
    );
  } catch (err) {
    // The run holds the collection lock: let it finish rather than wait for a caller that got an error.
    void proceed();
    throw err;
  }
  return { run: { id: runId, source: source.name, status: "running" }, proceed };
}
