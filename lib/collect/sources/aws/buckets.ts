// A trail's bucket, read in the account that owns it: object lock, versioning, public access block,
// policy.
import {
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
} from "@aws-sdk/client-s3";
import type { TBucket } from "@/lib/domain/snapshot";
import { readBucketPolicy } from "./bucket-policy";
import type { AwsClients } from "./clients";
import { isNamed } from "./errors";

export async function readBucket(clients: AwsClients, name: string): Promise<TBucket> {
  const s3 = clients.s3(clients.homeRegion);
  // ExpectedBucketOwner makes S3 refuse rather than answer for a same-named bucket elsewhere.
  const owner = { Bucket: name, ExpectedBucketOwner: clients.accountId };

  // The four reads do not depend on each other: sent together, a bucket costs one round trip.
  const reads = {
    objectLockEnabled: s3
      .send(new GetObjectLockConfigurationCommand(owner))
      .then((lock) => lock.ObjectLockConfiguration?.ObjectLockEnabled === "Enabled")
      .catch((err: unknown) => {
        if (isNamed(err, "ObjectLockConfigurationNotFoundError", "InvalidRequest")) return false;
        throw err;
      }),
    versioning: s3.send(new GetBucketVersioningCommand(owner)),
    pab: s3
      .send(new GetPublicAccessBlockCommand(owner))
      .then(({ PublicAccessBlockConfiguration: c }) => ({
        blockPublicAcls: c?.BlockPublicAcls ?? false,
        ignorePublicAcls: c?.IgnorePublicAcls ?? false,
        blockPublicPolicy: c?.BlockPublicPolicy ?? false,
        restrictPublicBuckets: c?.RestrictPublicBuckets ?? false,
      }))
      .catch((err: unknown) => {
        if (!isNamed(err, "NoSuchPublicAccessBlockConfiguration")) throw err;
        return {
          blockPublicAcls: false,
          ignorePublicAcls: false,
          blockPublicPolicy: false,
          restrictPublicBuckets: false,
        };
      }),
    policy: readBucketPolicy(s3, owner),
  };
  // Every read settles before a failure is raised: none runs on after the caller's clients go.
  await Promise.allSettled(Object.values(reads));
  const objectLockEnabled = await reads.objectLockEnabled;
  const versioning = await reads.versioning;
  const pab = await reads.pab;
  const policy = await reads.policy;

  return {
    name,
    ownerAccountId: clients.accountId,
    objectLockEnabled,
    versioning:
      versioning.Status === "Enabled" || versioning.Status === "Suspended"
        ? versioning.Status
        : "Disabled",
    publicAccessBlock: pab,
    policy,
  };
}
