// A trail bucket's policy in trail_bucket's columns, and back: shared by the run's store, the
// stored-snapshot reader ("Re-evaluate now") and the bucket policy events.
import { Prisma } from "@/lib/generated/prisma/client";
import { ZJson } from "@/lib/domain/json";
import { ZPolicyDocument, type TBucketPolicy } from "@/lib/domain/snapshot";

export function bucketPolicyColumns(p: TBucketPolicy) {
  return {
    policyStatus: p.status,
    policy: p.status === "present" ? ZJson.parse(p.document) : Prisma.DbNull,
    policyReason: p.status === "unknown" ? p.reason : null,
  };
}

export function bucketPolicyOf(row: {
  policyStatus: string;
  policy: unknown;
  policyReason: string | null;
}): TBucketPolicy {
  if (row.policyStatus === "none") return { status: "none" };
  if (row.policyStatus === "present") {
    const document = ZPolicyDocument.safeParse(row.policy);
    if (document.success) return { status: "present", document: document.data };
  }
  return { status: "unknown", reason: row.policyReason ?? "not read" };
}
