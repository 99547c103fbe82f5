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

/** Reads each trail's bucket in the account that owns it (also used by distributed runs). */
export async function readTrailBuckets(
  ctx: AuditContext,
  results: readonly AccountAuditResult[],
): Promise<TBucket[]> {
  const owners = new Map<string, string>();
  for (const r of results) for (const name of r.bucketNames) owners.set(name, r.audit.accountId);
  const trailBuckets = new Set(
    results.flatMap((r) => r.audit.trails.flatMap((t) => (t.s3BucketName ? [t.s3BucketName] : []))),
  );
  const buckets: TBucket[] = [];
  for (const name of [...trailBuckets].sort()) {
    const owner = owners.get(name);
    const noteAccount = owner ?? ctx.sessions.baseAccountId;
    if (!owner) {
      ctx.notes.add(
        noteAccount,
        "trail-bucket",
        `trail bucket ${name} is not owned by any audited account; not read`,
      );
      continue;
    }
    try {
      const clients = await ctx.sessions.clientsFor(owner);
      try {
        const bucket = await readBucket(clients, name);
        if (bucket.policy.status === "unknown")
          ctx.notes.add(
            owner,
            "trail-bucket",
            `trail bucket ${name} policy: ${bucket.policy.reason}`,
          );
        buckets.push(bucket);
      } finally {
        ctx.sessions.release(clients);
      }
    } catch (err) {
      ctx.notes.add(owner, "trail-bucket", `trail bucket ${name}: ${describeAwsError(err)}`);
    }
  }
  return buckets;
}
