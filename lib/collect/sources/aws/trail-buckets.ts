// Which trail buckets an account's own audit reads, and the read of one with its run note. A bucket
// that one of the account's own trails writes to and that the account owns is read inside that
// account's audit (on a worker, with the session it already holds); the others (an organization
// trail's bucket in the log-archive account) are left to the run, which reads each name once.
import type { TAccountAudit, TBucket } from "@/lib/domain/snapshot";
import { readBucket } from "./buckets";
import type { AwsClients } from "./clients";
import { describeAwsError } from "./errors";

export interface TrailBucketRead {
  bucket: TBucket | null;
  note: { account: string; message: string } | null;
}

/** Buckets of the account's own trails that the account owns (ListBuckets), in name order. */
export function ownTrailBuckets(
  trails: TAccountAudit["trails"],
  ownBucketNames: readonly string[],
): string[] {
  const own = new Set(ownBucketNames);
  const names = trails.flatMap((t) =>
    t.s3BucketName && own.has(t.s3BucketName) ? [t.s3BucketName] : [],
  );
  return [...new Set(names)].sort();
}

/** Reads a trail bucket in its owner account; a failed read is a note, never an account failure. */
export async function readTrailBucket(clients: AwsClients, name: string): Promise<TrailBucketRead> {
  const account = clients.accountId;
  try {
    const bucket = await readBucket(clients, name);
    const note =
      bucket.policy.status === "unknown"
        ? { account, message: `trail bucket ${name} policy: ${bucket.policy.reason}` }
        : null;
    return { bucket, note };
  } catch (err) {
    return {
      bucket: null,
      note: { account, message: `trail bucket ${name}: ${describeAwsError(err)}` },
    };
  }
}
