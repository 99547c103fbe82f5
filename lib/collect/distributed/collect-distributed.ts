// `npm run collect -- --distributed`: the coordinator reads the organization and costs itself and
// fans member-account audits out to `npm run worker` processes; the snapshot is stored as usual.
import type { Db } from "@/lib/db/client";
import type { RunResult } from "@/lib/collect/run";
import { collectAws, type AwsCollectionOptions } from "@/lib/collect/sources/aws";
import { distributedAuditor } from "./coordinator";
import { loadQueueSettings, startQueue, type QueueSettings } from "./queue";

export interface DistributedOptions extends Omit<AwsCollectionOptions, "auditorFor"> {
  queue?: QueueSettings;
  /** Accounts without a result after this long are marked failed (default 6 h). */
  timeoutMs?: number;
  pollMs?: number;
}

export async function collectAwsDistributed(
  db: Db,
  databaseUrl: string,
  opts: DistributedOptions = {},
): Promise<RunResult> {
  const log = opts.log ?? (() => {});
  const boss = await startQueue(databaseUrl, opts.queue ?? loadQueueSettings(), (err) =>
    log(`queue error: ${err.message}`),
  );
  try {
    const timeoutMs = opts.timeoutMs ?? 6 * 3_600_000;
    const result = await collectAws(db, databaseUrl, {
      ...opts,
      auditorFor: (runId) =>
        distributedAuditor(db, boss, runId, { timeoutMs, pollMs: opts.pollMs }),
    });
    // Per-account results are only needed until the snapshot is stored.
    if (result.status !== "failed")
      await db.runAccountAudit.deleteMany({ where: { runId: { not: result.runId } } });
    return result;
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
