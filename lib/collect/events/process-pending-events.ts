import { applyExceptionRules } from "@/lib/collect/findings/apply-exceptions";
import { dispatchFindingEventAlerts, type DispatchSummary } from "@/lib/alerts/dispatch-run-alerts";
import type { SendOptions } from "@/lib/alerts/send-alert";
import type { Db } from "@/lib/db/client";
import { applyEvent } from "./apply-event";
import { tryLockFindings } from "@/lib/collect/findings/findings-lock";

/** Events applied per transaction: a backlog drains in several short ones. */
const BATCH = 200;

export interface ProcessSummary {
  applied: number;
  ignored: number;
  failed: number;
  alerts: DispatchSummary | null;
  /** A run was storing findings: the rest stays pending for its after-run step. */
  deferred: boolean;
}

/**
 * Applies pending ingested events in the order they happened, then sends the alerts for the findings
 * they opened. Rows are claimed with SKIP LOCKED, so concurrent deliveries never apply one twice.
 */
export interface ProcessOptions {
  send?: SendOptions;
  /** Where an event that could not be applied is reported (lib/collect does not log by itself). */
  warn?: (message: string, err: unknown) => void;
}

export async function processPendingEvents(
  db: Db,
  opts: ProcessOptions = {},
): Promise<ProcessSummary> {
  const summary: ProcessSummary = {
    applied: 0,
    ignored: 0,
    failed: 0,
    alerts: null,
    deferred: false,
  };
  const alertIds: bigint[] = [];
  for (;;) {
    const claimed = await db.$transaction(async (tx) => {
      // After a run's store transaction, never beside it (it reads the findings once, then writes), and
      // never waiting for it: the events stay pending and the run's after-run step applies them.
      if (!(await tryLockFindings(tx))) return null;
      const rows = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM ingested_event WHERE status = 'pending'
        ORDER BY event_time, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
      const events = await tx.ingestedEvent.findMany({
        where: { id: { in: rows.map((r) => r.id) } },
        orderBy: [{ eventTime: "asc" }, { id: "asc" }],
        select: { id: true, detailType: true, accountId: true, eventTime: true, body: true },
      });
      for (const ev of events) {
        const body = ev.body;
        const detail =
          typeof body === "object" && body !== null && !Array.isArray(body) ? body["detail"] : null;
        // Each event in its own savepoint: one that fails is marked failed, the others still apply.
        await tx.$executeRaw`SAVEPOINT apply_event`;
        const result = await applyEvent(tx, { ...ev, detail }).catch(async (err: unknown) => {
          await tx.$executeRaw`ROLLBACK TO SAVEPOINT apply_event`;
          opts.warn?.(`ingested event ${ev.id} could not be applied`, err);
          return { status: "failed" as const, outcome: String(err).slice(0, 500), alert: [] };
        });
        await tx.ingestedEvent.update({
          where: { id: ev.id },
          data: { status: result.status, outcome: result.outcome, processedAt: new Date() },
        });
        summary[result.status]++;
        alertIds.push(...(result.alert ?? []));
      }
      // A finding an event opened is excepted by the rules that cover it, as at every evaluation:
      // listed as excepted, never counted or alerted.
      if (events.length)
        await applyExceptionRules(tx, { now: new Date(), runId: null, actor: null });
      return events.length;
    });
    if (claimed === null) {
      summary.deferred = true;
      break;
    }
    if (claimed < BATCH) break;
  }
  summary.alerts = await dispatchFindingEventAlerts(db, alertIds, opts.send);
  return summary;
}
