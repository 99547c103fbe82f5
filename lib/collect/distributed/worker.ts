// A collector worker: takes member-account audit jobs from the queue, audits the account with its own
// credentials (sts:AssumeRole into the run's role) and stores the result for the coordinator.
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import type { Db } from "@/lib/db/client";
import { auditAccount } from "@/lib/collect/sources/aws/audit-account";
import { AwsClients, type CredentialSource } from "@/lib/collect/sources/aws/clients";
import type { AwsCollectorConfig } from "@/lib/collect/sources/aws/config";
import type { ReportOptions } from "@/lib/collect/sources/aws/credential-report";
import { RequestMeter } from "@/lib/collect/sources/aws/meter";
import { RunNotes } from "@/lib/collect/sources/aws/notes";
import { AccountSessions } from "@/lib/collect/sources/aws/sessions";
import { AUDIT_QUEUE, startQueue, ZAuditJob, type QueueSettings, type TAuditJob } from "./queue";
import { storeAccountAudit } from "./stored-audit";

export interface WorkerOptions {
  /** Recorded with each result: which worker audited the account. */
  name: string;
  config: AwsCollectorConfig;
  queue: QueueSettings;
  credentials?: CredentialSource;
  report?: ReportOptions;
  /** Audits in flight at once in this worker. */
  concurrency?: number;
  log?: (line: string) => void;
}

export interface AuditWorker {
  stop(): Promise<void>;
}

export async function startAuditWorker(
  db: Db,
  databaseUrl: string,
  opts: WorkerOptions,
): Promise<AuditWorker> {
  const log = opts.log ?? (() => {});
  const credentials = opts.credentials ?? fromNodeProviderChain();
  const bootstrap = new AwsClients("base", credentials, opts.config, new RequestMeter(0, "0"));
  const caller = await bootstrap.sts(bootstrap.homeRegion).send(new GetCallerIdentityCommand({}));
  bootstrap.destroy();
  const baseAccountId = caller.Account ?? "";
  const boss = await startQueue(databaseUrl, opts.queue, (err) =>
    log(`queue error: ${err.message}`),
  );

  // Calls the endpoint does not implement, found by this worker's earlier accounts of the same run:
  // later accounts note and skip them instead of paying the SDK's retries again (one run at a time).
  let unsupported = { runId: "", operations: new Set<string>() };
  const unsupportedFor = (runId: string) => {
    if (unsupported.runId !== runId) unsupported = { runId, operations: new Set<string>() };
    return unsupported.operations;
  };

  const handle = async (job: TAuditJob): Promise<void> => {
    const run = await db.collectionRun.findUnique({
      where: { id: job.runId },
      select: { status: true },
    });
    if (run?.status !== "running") {
      log(`run ${job.runId} is ${run?.status ?? "gone"}: account ${job.accountId} skipped`);
      return;
    }
    const [home, ...rest] = job.regions;
    const config: AwsCollectorConfig = {
      ...opts.config,
      runId: job.runId,
      roleName: job.roleName,
      regions: [home ?? opts.config.regions[0], ...rest],
      consoleLoginDays: job.consoleLoginDays,
    };
    const meter = new RequestMeter(0, "0");
    const notes = new RunNotes(unsupportedFor(job.runId));
    const sessions = new AccountSessions(baseAccountId, job.partition, config, meter, credentials);
    try {
      const { audit, bucketNames, buckets } = await auditAccount(
        { sessions, config, notes, hub: null, now: new Date(job.now), report: opts.report },
        job.accountId,
      );
      const stored = await storeAccountAudit(db, job.runId, opts.name, {
        audit,
        bucketNames,
        buckets,
        notes: notes.list,
        apiRequests: meter.report().apiRequests,
      });
      log(
        `account ${job.accountId} of run ${job.runId}: ${audit.status}${stored ? "" : " (already stored by another worker)"}`,
      );
    } finally {
      sessions.base.destroy();
    }
  };

  // Each work() registration is its own fetch loop taking one job at a time.
  for (let i = 0; i < (opts.concurrency ?? opts.config.concurrency); i++) {
    await boss.work<unknown>(
      AUDIT_QUEUE,
      { batchSize: 1, pollingIntervalSeconds: 0.5 },
      async (jobs) => {
        for (const job of jobs) await handle(ZAuditJob.parse(job.data));
      },
    );
  }
  log(`worker ${opts.name} waiting for audit jobs (account ${baseAccountId})`);
  return {
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}
