// The member-account audit queue on pg-boss (its own "pgboss" schema in the OrgLens database).
// A job is one account of one run; a job whose worker dies expires and is retried by another worker.
import PgBoss from "pg-boss";
import { z } from "zod";

export const AUDIT_QUEUE = "orglens-audit-account";

export const ZAuditJob = z.object({
  runId: z.uuid(),
  accountId: z.string().regex(/^\d{12}$/),
  /** The run's clock: every worker judges key age and login windows against the same instant. */
  now: z.iso.datetime(),
  partition: z.string().min(1),
  roleName: z.string().min(1),
  regions: z.array(z.string().min(1)).min(1),
  consoleLoginDays: z.number().int().min(1),
});
export type TAuditJob = z.infer<typeof ZAuditJob>;

const ZQueueEnv = z.object({
  /** An audit that has not finished after this long is presumed dead (worker killed) and retried. */
  ORGLENS_WORKER_JOB_EXPIRE_SECONDS: z.coerce.number().int().min(1).default(900),
  ORGLENS_WORKER_JOB_RETRIES: z.coerce.number().int().min(0).default(3),
  /** How often expired jobs are looked for (pg-boss maintenance). */
  ORGLENS_WORKER_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).default(30),
});

export interface QueueSettings {
  expireInSeconds: number;
  retryLimit: number;
  maintenanceIntervalSeconds: number;
}

export function loadQueueSettings(
  env: Record<string, string | undefined> = process.env,
): QueueSettings {
  const e = ZQueueEnv.parse(env);
  return {
    expireInSeconds: e.ORGLENS_WORKER_JOB_EXPIRE_SECONDS,
    retryLimit: e.ORGLENS_WORKER_JOB_RETRIES,
    maintenanceIntervalSeconds: e.ORGLENS_WORKER_MAINTENANCE_SECONDS,
  };
}

/** Starts pg-boss (installing its schema on first use) and makes sure the audit queue exists. */
export async function startQueue(
  databaseUrl: string,
  settings: QueueSettings,
  onError: (err: Error) => void,
): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    max: 4,
    application_name: "orglens-queue",
    maintenanceIntervalSeconds: settings.maintenanceIntervalSeconds,
  });
  boss.on("error", onError);
  await boss.start();
  const queue = {
    name: AUDIT_QUEUE,
    retryLimit: settings.retryLimit,
    retryDelay: 0,
    expireInSeconds: settings.expireInSeconds,
  };
  if (await boss.getQueue(AUDIT_QUEUE)) await boss.updateQueue(AUDIT_QUEUE, queue);
  else await boss.createQueue(AUDIT_QUEUE, queue);
  return boss;
}
