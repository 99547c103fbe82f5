// Audits every active account, a bounded number at a time (each audit reads its own trails'
// buckets), then reads the remaining trail buckets, each in the account that owns it.
import pLimit from "p-limit";
import type { TAccount, TAccountAudit, TBucket } from "@/lib/domain/snapshot";
import { auditAccount, failedAudit, type AuditContext } from "./audit-account";
import type { AwsClients } from "./clients";
import { describeAwsError } from "./errors";
import { ownTrailBuckets, readTrailBucket, type TrailBucketRead } from "./trail-buckets";

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

/** What the run knows of an account's audit when it gathers the trail buckets. */
export interface TrailBucketSource {
  audit: TAccountAudit;
  bucketNames: string[];
  /** Read by the account's own audit; undefined when it did not read them (the run reads them). */
  buckets?: TBucket[];
}

/**
 * The run's trail buckets: those each account's audit already read (its own trails' buckets it
 * owns), and the rest read here in the account that owns them, each name once and a bounded number
 * at once (an organization trail's bucket in the log-archive account: one read for the whole run).
 * Buckets come out in bucket-name order, however the reads finish; notes of the reads made here too.
 */
export async function readTrailBuckets(
  ctx: AuditContext,
  results: readonly TrailBucketSource[],
): Promise<TBucket[]> {
  const owners = new Map<string, string>();
  for (const r of results) for (const name of r.bucketNames) owners.set(name, r.audit.accountId);
  const byName = new Map<string, TBucket>();
  // Names an account's audit already tried (read, or noted as unreadable): never read twice.
  const handled = new Set<string>();
  for (const r of results) {
    if (!r.buckets) continue;
    for (const name of ownTrailBuckets(r.audit.trails, r.bucketNames)) handled.add(name);
    for (const b of r.buckets) byName.set(b.name, b);
  }
  const trailBuckets = new Set(
    results.flatMap((r) => r.audit.trails.flatMap((t) => (t.s3BucketName ? [t.s3BucketName] : []))),
  );
  const limit = pLimit(ctx.config.concurrency);
  const reads = await Promise.all(
    [...trailBuckets]
      .filter((name) => !handled.has(name))
      .sort()
      .map((name) =>
        limit(async (): Promise<TrailBucketRead> => {
          const owner = owners.get(name);
          if (!owner) {
            const message = `trail bucket ${name} is not owned by any audited account; not read`;
            return { bucket: null, note: { account: ctx.sessions.baseAccountId, message } };
          }
          let clients: AwsClients;
          try {
            clients = await ctx.sessions.clientsFor(owner);
          } catch (err) {
            const message = `trail bucket ${name}: ${describeAwsError(err)}`;
            return { bucket: null, note: { account: owner, message } };
          }
          try {
            return await readTrailBucket(clients, name);
          } finally {
            ctx.sessions.release(clients);
          }
        }),
      ),
  );
  for (const { note } of reads) if (note) ctx.notes.add(note.account, "trail-bucket", note.message);
  for (const { bucket } of reads) if (bucket) byName.set(bucket.name, bucket);
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
