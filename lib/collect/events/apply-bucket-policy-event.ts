import {
  LOG_ARCHIVE_BUCKET_POLICY,
  logArchiveBucketPolicy,
} from "@/lib/domain/checks/log-archive-bucket-policy";
import type { TEventChange } from "@/lib/domain/events/interpret-event";
import type { Prisma } from "@/lib/generated/prisma/client";
import { bucketPolicyColumns } from "@/lib/collect/store/bucket-policy-columns";
import type { TEventOrigin } from "./event-source";
import type { TApplied } from "./apply-event";
import { judgeStoredState, mergeApplied } from "./judge-stored-state";

type TBucketPolicyChange = Extract<TEventChange, { kind: "bucket-policy" }>;

/**
 * PutBucketPolicy / DeleteBucketPolicy on a trail bucket the collector read, called in the account
 * that owns it: the stored policy takes the change, then LOG_ARCHIVE_BUCKET_POLICY judges the stored
 * state exactly as the next collection will, and what it finds for that bucket opens or updates the
 * same finding. Any other bucket, or a call recorded in another account, changes nothing. A deleted
 * policy grants nothing, so it opens nothing (events never resolve: the next run does).
 */
export async function applyBucketPolicyEvent(
  tx: Prisma.TransactionClient,
  change: TBucketPolicyChange,
  origin: TEventOrigin,
): Promise<TApplied> {
  const bucket = await tx.trailBucket.findUnique({
    where: { name: change.bucket },
    select: { ownerAccountId: true },
  });
  if (!bucket) return ignored(`${change.bucket} is not a trail bucket OrgLens collected`);
  // Only the owner can change a bucket's policy (S3 answers others 405): a call recorded in any
  // other account is not about this bucket (a same-named bucket elsewhere, or a forged event).
  if (bucket.ownerAccountId !== change.accountId)
    return ignored(
      `${origin.eventName} on ${change.bucket} not emitted by the account that owns it`,
    );
  const owner = await tx.account.findFirst({
    where: { id: change.accountId, removedAt: null, status: "ACTIVE", auditStatus: "audited" },
    select: { id: true },
  });
  if (!owner)
    return ignored(`account ${change.accountId} is not an audited account of the organization`);
  await tx.trailBucket.update({
    where: { name: change.bucket },
    data: bucketPolicyColumns(change.policy),
  });
  const results = await judgeStoredState(
    tx,
    [logArchiveBucketPolicy],
    origin,
    (f) => f.checkId === LOG_ARCHIVE_BUCKET_POLICY && f.resource === `s3://${change.bucket}`,
  );
  return mergeApplied(
    results,
    change.policy.status === "none"
      ? `the policy of ${change.bucket} was deleted; the next run resolves what it fixed`
      : `the new policy of ${change.bucket} lets no one outside the organization tamper with the logs`,
  );
}

const ignored = (outcome: string): TApplied => ({ status: "ignored", outcome });
