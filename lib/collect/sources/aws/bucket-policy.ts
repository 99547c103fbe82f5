// A trail bucket's policy (GetBucketPolicy), read in the account that owns it. No policy is a fact
// ("none"); a denied or unsupported read is "unknown" and never judged, neither as a pass nor a fail.
import { GetBucketPolicyCommand, type S3Client } from "@aws-sdk/client-s3";
import { parsePolicyContent } from "@/lib/domain/checks/policy-grammar";
import type { TBucketPolicy } from "@/lib/domain/snapshot";
import { describeAwsError, isAccessDenied, isNamed, isNotSupported } from "./errors";

export async function readBucketPolicy(
  s3: S3Client,
  owner: { Bucket: string; ExpectedBucketOwner: string },
): Promise<TBucketPolicy> {
  try {
    const { Policy } = await s3.send(new GetBucketPolicyCommand(owner));
    if (!Policy) return { status: "none" };
    const document = parsePolicyContent(Policy);
    return document
      ? { status: "present", document }
      : { status: "unknown", reason: "the bucket policy is not a policy document" };
  } catch (err) {
    if (isNamed(err, "NoSuchBucketPolicy")) return { status: "none" };
    if (isAccessDenied(err) || isNotSupported(err))
      return { status: "unknown", reason: describeAwsError(err) };
    throw err;
  }
}
