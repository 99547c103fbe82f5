// The organization trail bucket's policy read from moto by the collector, stored, judged by
// LOG_ARCHIVE_BUCKET_POLICY, and judged again from the stored evidence by "Re-evaluate now".
import "@/testing/placeholder-server-env";
import {
  DeleteBucketPolicyCommand,
  PutBucketPolicyCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectAws } from "@/lib/collect/sources/aws";
import { LOG_ARCHIVE_BUCKET_POLICY } from "@/lib/domain/checks/log-archive-bucket-policy";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { reevaluateNow } from "@/lib/server/runs/reevaluate-now";
import type { TestDatabase } from "@/testing/db";
import type { MotoServer } from "@/testing/moto";
import { costResult } from "@/testing/aws/ce-results";
import { motoCollectOptions } from "@/testing/aws/moto-collect";
import { awsConfig, credentialsFor, presetCostResults, type MotoOrg } from "@/testing/aws/moto-org";
import { startMotoOrgDb, stopMotoOrgDb } from "@/testing/aws/moto-org-db";
import { auditAccounts, type AuditAccountsFn } from "./audit";
import { readBucketPolicy } from "./bucket-policy";

const ADMIN = { email: "admin@example.com", role: "admin" as const, scope: { ouIds: null } };

let moto: MotoServer;
let database: TestDatabase;
let db: Db;
let org: MotoOrg;
let s3: S3Client;
let day = 15;

beforeAll(async () => {
  ({ moto, database, db, org } = await startMotoOrgDb());
  s3 = new S3Client(
    awsConfig(moto.endpoint, await credentialsFor(moto.endpoint, org.accounts.logArchive)),
  );
}, 300_000);

afterAll(async () => {
  s3?.destroy();
  await stopMotoOrgDb({ moto, database, db });
});

/**
 * The real auditor, with every trail bucket read failing the way readTrailBuckets handles any S3
 * error (throttling, a denied GetBucketVersioning): the bucket is left out of the snapshot. moto
 * throttles nothing and enforces no S3 permission, so the failure is applied to the auditor's outcome.
 */
const bucketReadsFail: AuditAccountsFn = async (ctx, accounts, progress) => ({
  ...(await auditAccounts(ctx, accounts, progress)),
  buckets: [],
});

async function collect(auditor?: AuditAccountsFn) {
  await presetCostResults(moto.endpoint, [costResult([])]);
  const now = new Date(`2025-06-${day++}T12:00:00Z`);
  const result = await collectAws(
    db,
    database.url,
    motoCollectOptions(moto.endpoint, now, {
      triggeredBy: "test",
      ...(auditor ? { auditorFor: () => auditor } : {}),
    }),
  );
  expect(result.status).toBe("succeeded");
  return result;
}

const putPolicy = (Statement: Record<string, unknown>[]) =>
  s3.send(
    new PutBucketPolicyCommand({
      Bucket: org.trailBucket,
      Policy: JSON.stringify({ Version: "2012-10-17", Statement }),
    }),
  );

const openFinding = () =>
  db.finding.findMany({
    where: { checkId: LOG_ARCHIVE_BUCKET_POLICY, status: "open" },
    select: { accountId: true, resource: true, severity: true, evidence: true },
  });

function cloudTrailDelivery(managementId: string) {
  const bucket = `arn:aws:s3:::${org.trailBucket}`;
  const trailArn = `arn:aws:cloudtrail:us-east-1:${managementId}:trail/org-trail`;
  return [
    {
      Sid: "AWSCloudTrailAclCheck20150319",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "s3:GetBucketAcl",
      Resource: bucket,
      Condition: { StringEquals: { "aws:SourceArn": trailArn } },
    },
    {
      Sid: "AWSCloudTrailWrite20150319",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `${bucket}/AWSLogs/*`,
      Condition: {
        StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": trailArn },
      },
    },
    {
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: [bucket, `${bucket}/*`],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
  ];
}

describe("log-archive bucket policy against moto", () => {
  it("reads no policy as 'none' and judges nothing", async () => {
    const owner = { Bucket: org.trailBucket, ExpectedBucketOwner: org.accounts.logArchive };
    expect(await readBucketPolicy(s3, owner)).toEqual({ status: "none" });
    await collect();
    expect(
      await db.trailBucket.findUniqueOrThrow({ where: { name: org.trailBucket } }),
    ).toMatchObject({ policyStatus: "none", policy: null });
    expect(await openFinding()).toEqual([]);
  }, 120_000);

  it("passes the CloudTrail delivery policy with an organization-bound grant (the look-alike)", async () => {
    const { id: orgId } = await db.organization.findFirstOrThrow();
    await putPolicy([
      ...cloudTrailDelivery(org.managementId),
      {
        Sid: "OrgReaders",
        Effect: "Allow",
        Principal: "*",
        Action: ["s3:GetObject", "s3:DeleteObject"],
        Resource: `arn:aws:s3:::${org.trailBucket}/*`,
        Condition: { StringEquals: { "aws:PrincipalOrgID": orgId } },
      },
    ]);
    await collect();
    const row = await db.trailBucket.findUniqueOrThrow({ where: { name: org.trailBucket } });
    expect(row.policyStatus).toBe("present");
    expect(JSON.stringify(row.policy)).toContain("AWSCloudTrailWrite20150319");
    expect(await openFinding()).toEqual([]);
  }, 120_000);

  it("flags a policy letting anyone delete logs, and Re-evaluate now keeps judging it from the store", async () => {
    await putPolicy([
      ...cloudTrailDelivery(org.managementId),
      {
        Sid: "Cleanup",
        Effect: "Allow",
        Principal: "*",
        Action: "s3:Delete*",
        Resource: `arn:aws:s3:::${org.trailBucket}/*`,
      },
    ]);
    await collect();
    const expected = [
      {
        accountId: org.accounts.logArchive,
        resource: `s3://${org.trailBucket}`,
        severity: "critical",
        evidence: {
          organizationTrail: true,
          grants: [
            {
              sid: "Cleanup",
              who: ["anyone (*)"],
              actions: [
                "s3:DeleteObject",
                "s3:DeleteObjectVersion",
                "s3:DeleteBucket",
                "s3:DeleteBucketPolicy",
              ],
            },
          ],
        },
      },
    ];
    expect(await openFinding()).toMatchObject(expected);

    const run = await reevaluateNow(db, database.url, ADMIN);
    expect(run).toMatchObject({ resolved: 0, source: "re-evaluation" });
    expect(await openFinding()).toMatchObject(expected);

    // Evidence stored as unreadable (what a denied GetBucketPolicy leaves): not judged either way,
    // the finding stays open, marked stale.
    await db.trailBucket.update({
      where: { name: org.trailBucket },
      data: { policyStatus: "unknown", policy: Prisma.DbNull, policyReason: "AccessDenied" },
    });
    expect(await reevaluateNow(db, database.url, ADMIN)).toMatchObject({ resolved: 0 });
    expect(
      await db.finding.findMany({
        where: { checkId: LOG_ARCHIVE_BUCKET_POLICY },
        select: { status: true, stale: true },
      }),
    ).toEqual([{ status: "open", stale: true }]);

    // The policy removed: the next collection reads "none" and resolves the finding.
    await s3.send(new DeleteBucketPolicyCommand({ Bucket: org.trailBucket }));
    await collect();
    expect(await openFinding()).toEqual([]);
  }, 180_000);

  it("keeps the finding open, stale, when the bucket could not be read; resolves it once read clean", async () => {
    await putPolicy([
      ...cloudTrailDelivery(org.managementId),
      {
        Sid: "Cleanup",
        Effect: "Allow",
        Principal: "*",
        Action: "s3:DeleteObject",
        Resource: `arn:aws:s3:::${org.trailBucket}/*`,
      },
    ]);
    await collect();
    const stateOf = () =>
      db.finding.findMany({
        where: { checkId: LOG_ARCHIVE_BUCKET_POLICY },
        select: { status: true, stale: true, resource: true },
      });
    expect(await stateOf()).toEqual([
      { status: "open", stale: false, resource: `s3://${org.trailBucket}` },
    ]);

    // Second run: the trail still names the bucket, but no S3 read of it succeeded.
    await collect(bucketReadsFail);
    expect(await stateOf()).toEqual([
      { status: "open", stale: true, resource: `s3://${org.trailBucket}` },
    ]);

    // The look-alike: the bucket read fine, its policy clean: resolved.
    await putPolicy(cloudTrailDelivery(org.managementId));
    await collect();
    expect(await stateOf()).toMatchObject([
      { status: "resolved", resource: `s3://${org.trailBucket}` },
    ]);
  }, 240_000);

  it("reads a denied GetBucketPolicy as 'unknown' with the reason, never as no policy", async () => {
    // moto does not enforce S3 permissions: the 403 S3 answers a caller without
    // s3:GetBucketPolicy is put in the client's way in-process.
    const denied = new S3Client(
      awsConfig(moto.endpoint, await credentialsFor(moto.endpoint, org.accounts.logArchive)),
    );
    denied.middlewareStack.add(
      () => () =>
        Promise.reject(
          new S3ServiceException({
            name: "AccessDenied",
            $fault: "client",
            $metadata: { httpStatusCode: 403 },
            message: "Access Denied",
          }),
        ),
      { step: "finalizeRequest", name: "denyGetBucketPolicy" },
    );
    const owner = { Bucket: org.trailBucket, ExpectedBucketOwner: org.accounts.logArchive };
    expect(await readBucketPolicy(denied, owner)).toEqual({
      status: "unknown",
      reason: "AccessDenied: Access Denied",
    });
    denied.destroy();
  });
});
