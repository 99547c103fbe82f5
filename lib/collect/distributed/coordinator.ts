// The coordinating side of a distributed run: one job per active member account, then wait until
// every account has a stored result (or its job failed for good), reporting done/total as they land.
import type PgBoss from "pg-boss";
import type { Db } from "@/lib/db/client";
import type { TAccountAudit, TBucket } from "@/lib/domain/snapshot";
import { readTrailBuckets, type AuditAccountsFn } from "@/lib/collect/sources/aws/audit";
import { failedAudit } from "@/lib/collect/sources/aws/audit-account";
import { securityHubFor } from "@/lib/collect/sources/aws/security-hub";
import { AUDIT_QUEUE, type TAuditJob } from "./queue";
import { countAccountAudits, listAccountAudits } from "./stored-audit";
import { failedJobs } from "./failed-jobs";

export interface CoordinatorOptions {
  /** Give up on accounts without a result after this long (no worker running, all stuck). */
  timeoutMs: number;
  pollMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function distributedAuditor(
  db: Db,
  boss: PgBoss,
  runId: string,
  opts: CoordinatorOptions,
): AuditAccountsFn {
  return async (ctx, accounts, progress) => {
    const active = accounts.filter((a) => a.status === "ACTIVE");
    const skipped = accounts
      .filter((a) => a.status !== "ACTIVE")
      .map((a) => failedAudit(a.id, `account is ${a.status.toLowerCase()}`, "skipped"));
    const jobs = active.map((a): { name: string; data: TAuditJob } => ({
      name: AUDIT_QUEUE,
      data: {
        runId,
        accountId: a.id,
        now: ctx.now.toISOString(),
        partition: ctx.sessions.partition,
        roleName: ctx.config.roleName,
        regions: ctx.config.regions,
        consoleLoginDays: ctx.config.consoleLoginDays,
      },
    }));
    for (let i = 0; i < jobs.length; i += 500) await boss.insert(jobs.slice(i, i + 500));

    const deadline = Date.now() + opts.timeoutMs;
    // Jobs the queue gave up on (retries spent), by account: the reason is kept for the run.
    let gaveUp = new Map<string, string>();
    for (;;) {
      const done = await countAccountAudits(db, runId);
      gaveUp = await failedJobs(db, runId);
      progress(Math.min(active.length, done + gaveUp.size), active.length);
      if (done + gaveUp.size >= active.length || Date.now() > deadline) break;
      await sleep(opts.pollMs ?? 1_000);
    }

    const rows = await listAccountAudits(db, runId);
    const byAccount = new Map(rows.map((r) => [r.accountId, r]));
    for (const r of rows) {
      for (const n of r.notes) ctx.notes.add(n.accountId, n.phase, n.message);
      ctx.meter?.add(r.apiRequests);
    }
    const audits: TAccountAudit[] = active.map((a) => {
      const row = byAccount.get(a.id);
      if (!row)
        return failedAudit(
          a.id,
          gaveUp.get(a.id) ??
            `no worker audited the account within ${Math.round(opts.timeoutMs / 60_000)} min`,
        );
      return row.audit.status === "audited"
        ? {
            ...row.audit,
            securityHub: securityHubFor(ctx.hub, a.id, row.audit.securityHub?.standards ?? null),
          }
        : row.audit;
    });
    // Jobs left over after a timeout would audit for a run that is over: cancel them.
    await db.$executeRaw`UPDATE pgboss.job SET state = 'cancelled', completed_on = now() WHERE name = ${AUDIT_QUEUE} AND data->>'runId' = ${runId} AND state < 'active'`;
    // The workers read their accounts' own trail buckets; left here: buckets outside the trail's
    // account (an organization trail's bucket in the log-archive account), each read once.
    const buckets: TBucket[] = await readTrailBuckets(ctx, rows);
    return { audits: [...audits, ...skipped], buckets };
  };
}
