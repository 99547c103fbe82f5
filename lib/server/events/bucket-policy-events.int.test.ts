// PutBucketPolicy / DeleteBucketPolicy events on the organization trail's bucket, posted to the
// ingestion endpoint against a real Postgres, after a collection from moto stored the bucket.
import "@/testing/placeholder-server-env";
import { PutBucketPolicyCommand, S3Client } from "@aws-sdk/client-s3";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectAws } from "@/lib/collect/sources/aws";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import { LOG_ARCHIVE_BUCKET_POLICY } from "@/lib/domain/checks/log-archive-bucket-policy";
import { startWebhookReceiver, type WebhookReceiver } from "@/testing/alerts/receivers";
import { costResult } from "@/testing/aws/ce-results";
import { motoCollectOptions } from "@/testing/aws/moto-collect";
import { awsConfig, credentialsFor, presetCostResults, type MotoOrg } from "@/testing/aws/moto-org";
import { startMotoOrgDb, stopMotoOrgDb, type MotoOrgDb } from "@/testing/aws/moto-org-db";
import { deleteBucketPolicyEvent, putBucketPolicyEvent } from "@/testing/events";
import { createIngestToken } from "./create-ingest-token";
import { receiveEvents } from "./receive-events";

const admin: Principal = {
  kind: "user",
  email: "root-admin@corp.example",
  name: null,
  role: "admin",
  scope: { ouIds: null },
  groups: [],
};

let env: MotoOrgDb;
let db: Db;
let org: MotoOrg;
let hook: WebhookReceiver;
let secret: string;
const deferred: (() => Promise<unknown>)[] = [];

async function collect() {
  await presetCostResults(env.moto.endpoint, [costResult([])]);
  const r = await collectAws(
    db,
    env.database.url,
    motoCollectOptions(env.moto.endpoint, new Date(), { triggeredBy: "test" }),
  );
  expect(r.status).not.toBe("failed");
}

async function post(body: unknown) {
  const req = new NextRequest("http://orglens.test/api/v1/events", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
    body: JSON.stringify(body),
  });
  const res = await receiveEvents(req, { db, defer: (task) => void deferred.push(task) });
  expect(res.status).toBe(202);
  await Promise.all(deferred.splice(0).map((task) => task()));
}

const outcomeOf = (id: string) =>
  db.ingestedEvent.findUniqueOrThrow({ where: { id }, select: { status: true, outcome: true } });
const bucketFinding = () =>
  db.finding.findUnique({
    where: {
      fingerprint: `${LOG_ARCHIVE_BUCKET_POLICY}|${org.accounts.logArchive}|s3://${org.trailBucket}`,
    },
    include: { events: { orderBy: { id: "asc" } } },
  });
const alerts = () => hook.received.filter((r) => r.body.includes("lets outsiders tamper"));

function policy(...extra: Record<string, unknown>[]) {
  const trailArn = `arn:aws:cloudtrail:us-east-1:${org.managementId}:trail/org-trail`;
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AWSCloudTrailAclCheck20150319",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "s3:GetBucketAcl",
        Resource: `arn:aws:s3:::${org.trailBucket}`,
        Condition: { StringEquals: { "aws:SourceArn": trailArn } },
      },
      {
        Sid: "AWSCloudTrailWrite20150319",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: `arn:aws:s3:::${org.trailBucket}/AWSLogs/*`,
        Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control" } },
      },
      ...extra,
    ],
  };
}
const anyoneDeletes = {
  Sid: "Cleanup",
  Effect: "Allow",
  Principal: "*",
  Action: ["s3:DeleteObject", "s3:PutBucketPolicy"],
  Resource: "*",
};

beforeAll(async () => {
  env = await startMotoOrgDb();
  ({ db, org } = env);
  hook = await startWebhookReceiver();
  process.env.ORGLENS_ALLOWED_PRIVATE_TARGETS = "127.0.0.1";
  // The bucket starts with CloudTrail's delivery policy: nothing to flag.
  const s3 = new S3Client(
    awsConfig(env.moto.endpoint, await credentialsFor(env.moto.endpoint, org.accounts.logArchive)),
  );
  await s3.send(
    new PutBucketPolicyCommand({ Bucket: org.trailBucket, Policy: JSON.stringify(policy()) }),
  );
  s3.destroy();
  await collect();
  const channel = await db.alertChannel.create({
    data: {
      name: "siem",
      type: "webhook",
      config: { url: hook.url("/hook"), secret: "signing-secret" },
    },
  });
  await db.alertRule.create({
    data: {
      channelId: channel.id,
      name: "Log archive",
      checkIds: [LOG_ARCHIVE_BUCKET_POLICY],
      categories: [],
      severities: [],
      ouIds: [],
    },
  });
  ({ secret } = await createIngestToken(db, admin, { name: "eventbridge" }));
}, 300_000);

afterAll(async () => {
  await hook?.close();
  await stopMotoOrgDb(env ?? {});
});

describe("bucket policy events on the log-archive bucket", () => {
  it("look-alikes open nothing: the same policy on another bucket, a call recorded in another account, an organization-bound grant", async () => {
    expect(await db.trailBucket.findUnique({ where: { name: org.trailBucket } })).toMatchObject({
      policyStatus: "present",
    });
    const elsewhere = putBucketPolicyEvent(
      org.accounts.logArchive,
      "team-scratch",
      policy(anyoneDeletes),
    );
    const otherAccount = putBucketPolicyEvent(
      org.accounts.sandbox,
      org.trailBucket,
      policy(anyoneDeletes),
    );
    const { id: orgId } = await db.organization.findFirstOrThrow();
    const orgBound = putBucketPolicyEvent(
      org.accounts.logArchive,
      org.trailBucket,
      policy({ ...anyoneDeletes, Condition: { StringEquals: { "aws:PrincipalOrgID": orgId } } }),
    );
    await post([elsewhere, otherAccount, orgBound]);
    expect(await outcomeOf(elsewhere.id)).toEqual({
      status: "ignored",
      outcome: "team-scratch is not a trail bucket OrgLens collected",
    });
    expect(await outcomeOf(otherAccount.id)).toEqual({
      status: "ignored",
      outcome: `PutBucketPolicy on ${org.trailBucket} not emitted by the account that owns it`,
    });
    expect(await outcomeOf(orgBound.id)).toMatchObject({ status: "ignored" });
    expect(await bucketFinding()).toBeNull();
    // The organization-bound policy is stored: the next re-evaluation judges it.
    const stored = await db.trailBucket.findUniqueOrThrow({ where: { name: org.trailBucket } });
    expect(JSON.stringify(stored.policy)).toContain(orgId);
    expect(alerts()).toHaveLength(0);
  });

  it("PutBucketPolicy letting anyone delete logs opens the finding at once, marked as an event, and alerts once", async () => {
    const put = putBucketPolicyEvent(
      org.accounts.logArchive,
      org.trailBucket,
      policy(anyoneDeletes),
    );
    await post(put);
    const f = await bucketFinding();
    expect(f).toMatchObject({
      status: "open",
      severity: "critical",
      evidence: {
        source: "event",
        eventId: put.detail.eventID,
        grants: [
          {
            sid: "Cleanup",
            who: ["anyone (*)"],
            actions: ["s3:DeleteObject", "s3:PutBucketPolicy"],
          },
        ],
      },
    });
    expect(f?.events.map((e) => [e.kind, e.actor])).toEqual([
      ["opened", put.detail.userIdentity.arn],
    ]);
    expect(f?.events[0]?.detail).toMatchObject({ source: "event", eventName: "PutBucketPolicy" });
    expect(alerts()).toHaveLength(1);
    // Redelivered: nothing changes, nothing is sent again.
    await post(put);
    expect((await bucketFinding())?.events).toHaveLength(1);
    expect(alerts()).toHaveLength(1);
  });

  it("DeleteBucketPolicy stores 'no policy' and resolves nothing; the next collection decides from AWS", async () => {
    const del = deleteBucketPolicyEvent(org.accounts.logArchive, org.trailBucket);
    await post(del);
    expect(await outcomeOf(del.id)).toEqual({
      status: "ignored",
      outcome: `the policy of ${org.trailBucket} was deleted; the next run resolves what it fixed`,
    });
    expect(
      await db.trailBucket.findUniqueOrThrow({ where: { name: org.trailBucket } }),
    ).toMatchObject({ policyStatus: "none", policy: null });
    expect(await bucketFinding()).toMatchObject({ status: "open" });
    // moto still holds CloudTrail's delivery policy: the collection, the source of truth, resolves it.
    await collect();
    expect(await bucketFinding()).toMatchObject({ status: "resolved" });
    expect(
      await db.trailBucket.findUniqueOrThrow({ where: { name: org.trailBucket } }),
    ).toMatchObject({ policyStatus: "present" });
  });
});
