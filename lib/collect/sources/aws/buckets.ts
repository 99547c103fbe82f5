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

  let objectLockEnabled = false;
  try {
    const lock = await s3.send(new GetObjectLockConfigurationCommand(owner));
    objectLockEnabled = lock.ObjectLockConfiguration?.ObjectLockEnabled === "Enabled";
  } catch (err) {
    if (!isNamed(err, "ObjectLockConfigurationNotFoundError", "InvalidRequest")) throw err;
  }

  const versioning = await s3.send(new GetBucketVersioningCommand(owner));

  let pab = {
    blockPublicAcls: false,
    ignorePublicAcls: false,
    blockPublicPolicy: false,
    restrictPublicBuckets: false,
  };
  try {
    const { PublicAccessBlockConfiguration: c } = await s3.send(
      new GetPublicAccessBlockCommand(owner),
    );
    pab = {
      blockPublicAcls: c?.BlockPublicAcls ?? false,
      ignorePublicAcls: c?.IgnorePublicAcls ?? false,
      blockPublicPolicy: c?.BlockPublicPolicy ?? false,
      restrictPublicBuckets: c?.RestrictPublicBuckets ?? false,
    };
  } catch (err) {
    if (!isNamed(err, "NoSuchPublicAccessBlockConfiguration")) throw err;
  }

  return {
    name,
    ownerAccountId: clients.accountId,
    objectLockEnabled,
    versioning:
      versioning.Status === "Enabled" || versioning.Status === "Suspended"
        ? versioning.Status
        : "Disabled",
    publicAccessBlock: pab,
    policy: await readBucketPolicy(s3, owner),
  };
}
