// The one entry of a collection run, wherever it starts (`npm run collect`, "Run collection now", the
// demo loader, the distributed coordinator): a source produces a snapshot, the run stores it with its
// evaluation (checks, findings lifecycle, KPIs) in one transaction, then the after-run steps (alerts,
// account requests) follow the commit. Callers pick a source; the steps are the same for every source.
import type { Db } from "@/lib/db/client";
import { afterRun } from "./after-run";
import { evaluateRun } from "./evaluate";
import { runCollection, type ProduceContext, type RunResult, type TRunSource } from "./run";

export interface Source {
  name: TRunSource;
  /**
   * Set by a source that reads back evidence already stored (a re-evaluation): the checks it cannot
   * feed keep their findings as they are, and the outcome is recorded now, not at the evidence's time.
   */
  storedEvidence?: { keepFindingsOf: readonly string[] };
  /** Resolves to a snapshot (validated by the run), typed loosely so sources may return their input shape. */
  produce: (ctx: ProduceContext) => Promise<unknown>;
}

export interface CollectOptions {
  triggeredBy?: string;
  /**
   * `false` stores the snapshot without findings or KPIs: only for loads that need neither (tests and
   * benchmarks of costs and chargeback), never for a run a user starts.
   */
  evaluate?: boolean;
  /** Where the after-run steps say what they did (alerts sent, requests moved); silent by default. */
  log?: (message: string) => void;
}

export function collect(
  db: Db,
  databaseUrl: string,
  source: Source,
  opts: CollectOptions = {},
): Promise<RunResult> {
  const log = opts.log ?? (() => undefined);
  return runCollection(db, databaseUrl, {
    source: source.name,
    produce: source.produce,
    triggeredBy: opts.triggeredBy,
    evaluate:
      opts.evaluate === false
        ? undefined
        : (tx, snap, runId, settings) =>
            evaluateRun(
              tx,
              snap,
              runId,
              settings,
              source.storedEvidence ? { ...source.storedEvidence, recordedAt: new Date() } : {},
            ),
    afterCommit: async (result) => void (await afterRun(db, result.runId, log)),
  });
}
