import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import {
  CloudTrailClient,
  CreateTrailCommand,
  StartLoggingCommand,
} from "@aws-sdk/client-cloudtrail";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import {
  CreateBucketCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  awsConfig,
  BASE_CREDENTIALS,
  createAccount,
  credentialsFor,
  type MotoOrg,
} from "@/testing/aws/moto-org";
import { motoConfig } from "@/testing/aws/moto-collect";
import { startMotoOrgDb, stopMotoOrgDb } from "@/testing/aws/moto-org-db";
import type { Db } from "@/lib/db/client";
import type { TestDatabase } from "@/testing/db";
import type { MotoServer } from "@/testing/moto";
import { sleep } from "@/testing/net";
import { projectRoot } from "@/lib/db/embedded";
import { LOG_ARCHIVE_ACCOUNT } from "@/lib/domain/checks/log-archive-account";
import { collectAwsDistributed } from "./collect-distributed";
import { ZStoredAudit } from "./stored-audit";

let moto: MotoServer;
let database: TestDatabase;
let db: Db;
let org: MotoOrg;
const workers: ChildProcess[] = [];
const EXTRA_ACCOUNTS = 6;
// Short expiry: a killed worker's job is retried by another within seconds.
const QUEUE = { expireInSeconds: 4, retryLimit: 3, maintenanceIntervalSeconds: 1 };

beforeAll(async () => {
  ({ moto, database, db, org } = await startMotoOrgDb());
  const orgs = new OrganizationsClient(awsConfig(moto.endpoint));
  for (let i = 0; i < EXTRA_ACCOUNTS; i++) await createAccount(orgs, `extra-${i}`);
  orgs.destroy();
});

afterAll(async () => {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill("SIGKILL");
  await stopMotoOrgDb({ moto, database, db });
});

/**
 * A worker as its own process (`node --conditions=react-server --import tsx scripts/worker.ts`, as
 * `npm run worker` starts it), so SIGKILL kills it outright.
 */
function startWorker(name: string): Promise<ChildProcess> {
  const root = projectRoot();
  const child = spawn(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      path.join(root, "scripts/worker.ts"),
      "--name",
      name,
      "--concurrency",
      "1",
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        AWS_ENDPOINT_URL: moto.endpoint,
        AWS_ACCESS_KEY_ID: BASE_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: BASE_CREDENTIALS.secretAccessKey,
        AWS_REGION: "us-east-1",
        ORGLENS_AWS_REGIONS: "us-east-1",
        ORGLENS_AWS_MAX_ATTEMPTS: "2",
        ORGLENS_WORKER_JOB_EXPIRE_SECONDS: String(QUEUE.expireInSeconds),
        ORGLENS_WORKER_JOB_RETRIES: String(QUEUE.retryLimit),
        ORGLENS_WORKER_MAINTENANCE_SECONDS: String(QUEUE.maintenanceIntervalSeconds),
      },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  workers.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes("waiting for audit jobs")) resolve(child);
    });
    child.once("exit", (code) =>
      reject(new Error(`worker ${name} exited with ${code}:\n${output}`)),
    );
  });
}

/** An account's own trail, logging into a bucket the account owns: versioned + locked, or neither. */
async function localTrail(accountId: string, bucket: string, locked: boolean): Promise<void> {
  const config = awsConfig(moto.endpoint, await credentialsFor(moto.endpoint, accountId));
  const s3 = new S3Client(config);
  const trails = new CloudTrailClient(config);
  try {
    await s3.send(new CreateBucketCommand({ Bucket: bucket, ObjectLockEnabledForBucket: locked }));
    if (locked)
      await s3.send(
        new PutBucketVersioningCommand({
          Bucket: bucket,
          VersioningConfiguration: { Status: "Enabled" },
        }),
      );
    await s3.send(
      new PutPublicAccessBlockCommand({
        Bucket: bucket,
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          IgnorePublicAcls: true,
          BlockPublicPolicy: true,
          RestrictPublicBuckets: true,
        },
      }),
    );
    await trails.send(new CreateTrailCommand({ Name: `${bucket}-trail`, S3BucketName: bucket }));
    await trails.send(new StartLoggingCommand({ Name: `${bucket}-trail` }));
  } finally {
    s3.destroy();
    trails.destroy();
  }
}

const ZActive = z.array(z.object({ account_id: z.string() }));

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe("distributed collection", () => {
  it(
    "shares one run between two workers, retries a killed worker's account and audits every account once",
    { timeout: 240_000 },
    async () => {
      const workerA = await startWorker("worker-a");
      const running = collectAwsDistributed(db, database.url, {
        config: motoConfig(moto.endpoint),
        credentials: BASE_CREDENTIALS,
        now: new Date("2025-06-15T12:00:00Z"),
        queue: QUEUE,
        pollMs: 200,
        timeoutMs: 180_000,
        triggeredBy: "test",
      });

      // Worker A has stored an account and is in the middle of the next one: kill it there.
      // Jobs being audited right now: active, no result stored yet (a job is completed just after its result is stored).
      const inFlight = async () =>
        ZActive.parse(
          await db.$queryRaw`SELECT j.data->>'accountId' AS account_id FROM pgboss.job j WHERE j.state = 'active' AND NOT EXISTS (SELECT 1 FROM run_account_audit r WHERE r.account_id = j.data->>'accountId')`,
        );
      await waitFor("worker A mid-run", async () =>
        (await db.runAccountAudit.count({ where: { worker: "worker-a" } })) >= 1 &&
        (await inFlight()).length
          ? true
          : null,
      );
      workerA.kill("SIGKILL");
      await new Promise((r) => workerA.once("exit", r));
      // What A was auditing when it died stays active (and unstored) until its job expires.
      const victims = await inFlight();
      expect(victims).toHaveLength(1);
      const victim = victims[0]?.account_id ?? "";
      await startWorker("worker-b");

      const result = await running;
      const accounts = 5 + EXTRA_ACCOUNTS;
      expect(result).toMatchObject({
        status: "succeeded",
        accountsSeen: accounts,
        accountsAudited: accounts,
        accountsFailed: 0,
      });

      const rows = await db.runAccountAudit.findMany({
        where: { runId: result.runId },
        select: { accountId: true, worker: true },
      });
      expect(rows).toHaveLength(accounts);
      expect(new Set(rows.map((r) => r.accountId)).size).toBe(accounts);
      const byWorker = new Map(rows.map((r) => [r.accountId, r.worker]));
      expect(byWorker.get(victim)).toBe("worker-b");
      expect(rows.some((r) => r.worker === "worker-a")).toBe(true);
      const retried = z
        .array(z.object({ retry_count: z.number() }))
        .parse(
          await db.$queryRaw`SELECT retry_count FROM pgboss.job WHERE data->>'runId' = ${result.runId} AND data->>'accountId' = ${victim}`,
        );
      expect(retried[0]?.retry_count).toBeGreaterThanOrEqual(1);

      const run = await db.collectionRun.findUniqueOrThrow({ where: { id: result.runId } });
      expect(run).toMatchObject({
        status: "succeeded",
        progressDone: accounts,
        progressTotal: accounts,
        accountsAudited: accounts,
      });
      // Evidence read by the workers landed, with the coordinator's Security Hub summary merged in.
      const users = await db.iamUser.findMany({
        where: { accountId: org.accounts.prodApp },
        orderBy: { userName: "asc" },
      });
      expect(users.map((u) => u.userName)).toEqual(["deploy-bot", "old-admin"]);
      expect(
        await db.securityHubStatus.findUniqueOrThrow({
          where: { accountId: org.accounts.prodApp },
        }),
      ).toMatchObject({ enabled: true, critical: 1, high: 1 });
      expect(
        await db.trailBucket.findUniqueOrThrow({ where: { name: org.trailBucket } }),
      ).toMatchObject({ ownerAccountId: org.accounts.logArchive });
      // The workers' request counts are added to the run's.
      expect(
        z.record(z.string(), z.number()).parse(run.apiRequests)[
          "iam:GetAccountAuthorizationDetails"
        ],
      ).toBeGreaterThanOrEqual(accounts);
    },
  );

  it(
    "reads each account's own trail bucket on the worker and the organization trail's bucket once on the coordinator, judged as before",
    { timeout: 240_000 },
    async () => {
      // A workload account's own trail into its own unversioned bucket (flagged), and the
      // log-archive account's own trail into a versioned, Object Lock bucket (the look-alike).
      await localTrail(org.accounts.prodApp, "prod-app-own-trail-logs", false);
      await localTrail(org.accounts.logArchive, "log-archive-own-trail-logs", true);
      await startWorker("worker-c");
      const result = await collectAwsDistributed(db, database.url, {
        config: motoConfig(moto.endpoint),
        credentials: BASE_CREDENTIALS,
        now: new Date("2025-06-16T12:00:00Z"),
        queue: QUEUE,
        pollMs: 200,
        timeoutMs: 180_000,
        triggeredBy: "test",
      });
      expect(result).toMatchObject({ status: "succeeded", accountsFailed: 0 });

      // What each worker read, by account: its own trail's bucket, never the organization trail's.
      const rows = await db.runAccountAudit.findMany({ where: { runId: result.runId } });
      const readBy = new Map(
        rows.map((r) => [
          r.accountId,
          (ZStoredAudit.parse(r.result).buckets ?? []).map((b) => b.name),
        ]),
      );
      expect(readBy.get(org.accounts.prodApp)).toEqual(["prod-app-own-trail-logs"]);
      expect(readBy.get(org.accounts.logArchive)).toEqual(["log-archive-own-trail-logs"]);
      expect([...readBy.values()].flat()).not.toContain(org.trailBucket);

      // Every trail bucket landed, each read exactly once in the whole run (workers + coordinator).
      const stored = await db.trailBucket.findMany({
        where: {
          name: { in: ["prod-app-own-trail-logs", "log-archive-own-trail-logs", org.trailBucket] },
        },
        select: { name: true, ownerAccountId: true, versioning: true, objectLockEnabled: true },
        orderBy: { name: "asc" },
      });
      expect(stored).toEqual([
        {
          name: "log-archive-own-trail-logs",
          ownerAccountId: org.accounts.logArchive,
          versioning: "Enabled",
          objectLockEnabled: true,
        },
        {
          name: org.trailBucket,
          ownerAccountId: org.accounts.logArchive,
          versioning: "Enabled",
          objectLockEnabled: false,
        },
        {
          name: "prod-app-own-trail-logs",
          ownerAccountId: org.accounts.prodApp,
          versioning: "Disabled",
          objectLockEnabled: false,
        },
      ]);
      const run = await db.collectionRun.findUniqueOrThrow({ where: { id: result.runId } });
      const requests = z.record(z.string(), z.number()).parse(run.apiRequests);
      expect(requests["s3:GetBucketVersioning"]).toBe(3);

      const findings = await db.finding.findMany({
        where: { checkId: LOG_ARCHIVE_ACCOUNT, status: "open" },
        select: { resource: true, accountId: true, evidence: true },
      });
      const ZEvidence = z.object({
        organizationTrail: z.boolean(),
        versioning: z.string(),
        objectLockEnabled: z.boolean(),
        problems: z.array(z.string()),
      });
      const byResource = new Map(
        findings.map((f) => [
          f.resource,
          { accountId: f.accountId, ...ZEvidence.parse(f.evidence) },
        ]),
      );
      const own = byResource.get("s3://prod-app-own-trail-logs");
      expect(own).toMatchObject({
        accountId: org.accounts.prodApp,
        organizationTrail: false,
        versioning: "Disabled",
      });
      expect(own?.problems).toContain("versioning is Disabled");
      expect(own?.problems).toContain("Object Lock is off");
      // The organization trail's bucket (no Object Lock) is judged from the coordinator's read.
      expect(byResource.get(`s3://${org.trailBucket}`)).toMatchObject({
        accountId: org.accounts.logArchive,
        organizationTrail: true,
        objectLockEnabled: false,
      });
      expect(byResource.has("s3://log-archive-own-trail-logs")).toBe(false);
    },
  );
});
