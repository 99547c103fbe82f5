// Audits every active account, a bounded number at a time, then reads each trail bucket in the
// account that owns it.
import pLimit from "p-limit";
import type { TAccount, TAccountAudit, TBucket } from "@/lib/domain/snapshot";
import {
  auditAccount,
  failedAudit,
  type AccountAuditResult,
  type AuditContext,
} from "./audit-account";
import { readBucket } from "./buckets";
import { describeAwsError } from "./errors";

export interface AuditOutcome {
  audits: TAccountAudit[];
  buckets: TBucket[];
}

export type AuditAccountsFn = (
  ctx: AuditContext,
  accounts: readonly TAccount[],
  progress: (done: number, total: number) => void,
) => Promise<AuditOutcome>;

export async function auditAccounts(
  ctx: AuditContext,
  accounts: readonly TAccount[],
  progress: (done: number, total: number) => void,
): Promise<AuditOutcome> {
  const limit = pLimit(ctx.config.concurrency);
  const active = accounts.filter((a) => a.status === "ACTIVE");
  const skipped = accounts
    .filter((a) => a.status !== "ACTIVE")
    .map((a) => failedAudit(a.id, `account is ${a.status.toLowerCase()}`, "skipped"));
  let done = 0;
  progress(done, active.length);
  const results = await Promise.all(
    active.map((a) =>
      limit(async () => {
        const result = await auditAccount(ctx, a.id);
        progress(++done, active.length);
        return result;
      }),
    ),
  );

  const buckets = await readTrailBuckets(ctx, results);
  return { audits: [...results.map((r) => r.audit), ...skipped], buckets };
}

/**
 * Reads each trail's bucket in the account that owns it (also used by distributed runs), a bounded
 * number at once: an organization where every account has its own trail has as many buckets as
 * accounts. Buckets and notes come out in bucket-name order, however the reads finish.
 */
export async function readTrailBuckets(
  ctx: AuditContext,
  results: readonly AccountAuditResult[],
): Promise<TBucket[]> {
  const owners = new Map<string, string>();
  for (const r of results) for (const name of r.bucketNames) owners.set(name, r.audit.accountId);
  const trailBuckets = new Set(
    results.flatMap((r) => r.audit.trails.flatMap((t) => (t.s3BucketName ? [t.s3BucketName] : []))),
  );
  const limit = pLimit(ctx.config.concurrency);
  type Read = { bucket: TBucket | null; note: { account: string; message: string } | null };
  const reads = await Promise.all(
    [...trailBuckets].sort().map((name) =>
      limit(async (): Promise<Read> => {
        const owner = owners.get(name);
        if (!owner) {
          const message = `trail bucket ${name} is not owned by any audited account; not read`;
          return { bucket: null, note: { account: ctx.sessions.baseAccountId, message } };
        }
        try {
          const clients = await ctx.sessions.clientsFor(owner);
          try {
            const bucket = await readBucket(clients, name);
            const note =
              bucket.policy.status === "unknown"
                ? {
                    account: owner,
                    message: `trail bucket ${name} policy: ${bucket.policy.reason}`,
                  }
                : null;
            return { bucket, note };
          } finally {
            ctx.sessions.release(clients);
          }
        } catch (err) {
          return {
            bucket: null,
            note: { account: owner, message: `trail bucket ${name}: ${describeAwsError(err)}` },
          };
        }
      }),
    ),
  );
  for (const { note } of reads) if (note) ctx.notes.add(note.account, "trail-bucket", note.message);
  return reads.flatMap((r) => (r.bucket ? [r.bucket] : []));
}
