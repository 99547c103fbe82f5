import { MoveAccountCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import {
  DeleteUserCommand,
  ListAccessKeysCommand,
  UpdateAccessKeyCommand,
} from "@aws-sdk/client-iam";
import { STSServiceException } from "@aws-sdk/client-sts";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { TestDatabase } from "@/testing/db";
import type { MotoServer } from "@/testing/moto";
import { runCollection } from "@/lib/collect/run";
import { awsSource, collectAws, RunAlreadyInProgressError, type AwsCollectionOptions } from ".";
import { stsAssumeRole } from "./sessions";
import { awsConfig, iamIn, presetCostResults, type MotoOrg } from "@/testing/aws/moto-org";
import { motoCollectOptions } from "@/testing/aws/moto-collect";
import { startMotoOrgDb, stopMotoOrgDb } from "@/testing/aws/moto-org-db";
import { costResult } from "@/testing/aws/ce-results";

let moto: MotoServer;
let database: TestDatabase;
let db: Db;
let org: MotoOrg;

beforeAll(async () => {
  ({ moto, database, db, org } = await startMotoOrgDb());
});

afterAll(() => stopMotoOrgDb({ moto, database, db }));

function options(now: string, extra: Partial<AwsCollectionOptions>): AwsCollectionOptions {
  return motoCollectOptions(moto.endpoint, new Date(now), { triggeredBy: "test", ...extra });
}

function run(now: string, extra: Partial<AwsCollectionOptions> = {}) {
  return collectAws(db, database.url, options(now, extra));
}

describe("AWS collector against moto", () => {
  it("stores the organization, costs and evidence, then follows changes on the next run", async () => {
    const { prodApp, sandbox, stray } = org.accounts;
    await presetCostResults(moto.endpoint, [
      costResult([["2025-05-01", true, [[prodApp, "Amazon S3", "10.5"]]]], "page-2"),
      costResult([
        [
          "2025-05-01",
          true,
          [
            [prodApp, "Amazon S3", "0.25"],
            [sandbox, "Amazon EC2", "3"],
          ],
        ],
        ["2025-06-01", true, [[prodApp, "Amazon S3", "1"]]],
        ["2024-12-01", false, [[stray, "AWS Lambda", "2.00"]]],
      ]),
      costResult([]),
      costResult([]),
      costResult([
        [
          "2025-05-01",
          true,
          [
            [prodApp, "owner$team-a", "10"],
            [sandbox, "owner$", "3"],
          ],
        ],
      ]),
      costResult([]),
      // Account × charge type, account × region (nothing but plain usage: no per-type detail).
      costResult([]),
      costResult([]),
      costResult([["2025-06-01", true, [[prodApp, "", "0.5"]]]]),
    ]);
    const first = await run("2025-06-15T12:00:00Z");
    expect(first).toMatchObject({
      status: "succeeded",
      accountsSeen: 5,
      accountsAudited: 5,
      accountsFailed: 0,
      // 9 cost queries (charge types and regions among them), plus the first Savings Plans and RI
      // requests, which moto does not implement.
      ceRequests: 11,
      ceCostUsd: "0.11",
    });

    const ous = await db.orgUnit.findMany({ select: { id: true, parentId: true, path: true } });
    expect(ous).toContainEqual({
      id: org.ous.prod,
      parentId: org.ous.workloads,
      path: "Root/Workloads/Prod",
    });
    const strayRow = await db.account.findUniqueOrThrow({ where: { id: stray } });
    expect(strayRow.ouId).toBe(org.rootId);
    const prod = await db.account.findUniqueOrThrow({ where: { id: prodApp } });
    expect(prod).toMatchObject({
      ouId: org.ous.prod,
      costCenter: "cc-1",
      environment: "prod",
      auditStatus: "audited",
    });

    const users = await db.iamUser.findMany({
      where: { accountId: prodApp },
      include: { accessKeys: true },
      orderBy: { userName: "asc" },
    });
    expect(users.map((u) => u.userName)).toEqual(["deploy-bot", "old-admin"]);
    expect(users[0]?.accessKeys.map((k) => [k.slot, k.active, k.keyId?.slice(0, 4)])).toEqual([
      [1, true, "AKIA"],
    ]);
    // moto 5.1 answers GetFindings (filters ignored: the RESOLVED one is dropped here) but has no GetEnabledStandards.
    expect(
      await db.securityHubStatus.findUniqueOrThrow({ where: { accountId: prodApp } }),
    ).toMatchObject({
      enabled: true,
      critical: 1,
      high: 1,
      medium: 0,
      standards: [],
      standardsRead: false,
    });
    const vendor = await db.iamRole.findUniqueOrThrow({
      where: { accountId_roleName: { accountId: prodApp, roleName: "vendor-access" } },
    });
    expect(JSON.stringify(vendor.trustPolicy)).toContain("arn:aws:iam::999999999999:root");

    expect(
      await db.trail.findMany({
        select: { accountId: true, name: true, isOrganizationTrail: true, isLogging: true },
      }),
    ).toEqual([
      {
        accountId: org.managementId,
        name: "org-trail",
        isOrganizationTrail: true,
        isLogging: true,
      },
    ]);
    expect(
      await db.trailBucket.findUniqueOrThrow({ where: { name: org.trailBucket } }),
    ).toMatchObject({ ownerAccountId: org.accounts.logArchive, versioning: "Enabled" });
    const scp = await db.policy.findUniqueOrThrow({
      where: { id: org.scpId },
      include: { targets: true },
    });
    expect(scp).toMatchObject({
      type: "SERVICE_CONTROL_POLICY",
      targets: [{ targetId: org.ous.workloads, targetType: "ORGANIZATIONAL_UNIT" }],
    });

    const s3 = await db.costMonthly.findFirstOrThrow({
      where: { accountId: prodApp, month: new Date("2025-05-01"), service: "Amazon S3" },
    });
    expect(s3.unblended.toString()).toBe("10.75");
    expect(await db.costByTag.count({ where: { tagKey: "owner", tagValue: "" } })).toBe(1);
    const runRow = await db.collectionRun.findUniqueOrThrow({
      where: { id: first.runId },
      include: { accountErrors: true },
    });
    expect(runRow.apiRequests).toMatchObject({
      "ce:GetCostAndUsage": 9,
      "organizations:DescribeOrganization": 1,
    });
    expect(
      runRow.accountErrors.some(
        (e) => e.phase === "unsupported" && e.message.startsWith("cloudtrail:LookupEvents"),
      ),
    ).toBe(true);
    expect(
      runRow.accountErrors.some(
        (e) => e.phase === "unsupported" && e.message.startsWith("securityhub:GetEnabledStandards"),
      ),
    ).toBe(true);

    // Changes: an account moves, a user is deleted, a key is deactivated; May is final now.
    const orgs = new OrganizationsClient(awsConfig(moto.endpoint));
    await orgs.send(
      new MoveAccountCommand({
        AccountId: sandbox,
        SourceParentId: org.ous.sandbox,
        DestinationParentId: org.ous.workloads,
      }),
    );
    const iam = await iamIn(moto.endpoint, prodApp);
    await iam.send(new DeleteUserCommand({ UserName: "old-admin" }));
    const { AccessKeyMetadata } = await iam.send(
      new ListAccessKeysCommand({ UserName: "deploy-bot" }),
    );
    await iam.send(
      new UpdateAccessKeyCommand({
        UserName: "deploy-bot",
        AccessKeyId: AccessKeyMetadata?.[0]?.AccessKeyId,
        Status: "Inactive",
      }),
    );
    await presetCostResults(moto.endpoint, [
      costResult([
        ["2025-05-01", false, [[prodApp, "Amazon S3", "11"]]],
        ["2025-06-01", true, [[prodApp, "Amazon S3", "2"]]],
      ]),
      costResult([]),
      costResult([]),
      costResult([]),
      costResult([]),
      costResult([]),
      costResult([]),
      costResult([["2025-06-01", true, [[prodApp, "", "0.7"]]]]),
    ]);
    const second = await run("2025-06-16T12:00:00Z");
    // 8 cost queries; commitments never read here, so both kinds are tried (once each) again.
    expect(second).toMatchObject({ status: "succeeded", ceRequests: 10 });

    const placements = await db.accountPlacement.findMany({
      where: { accountId: sandbox },
      orderBy: { id: "asc" },
    });
    expect(placements.map((p) => [p.ouId, p.validTo?.toISOString() ?? null])).toEqual([
      [org.ous.sandbox, "2025-06-16T12:00:00.000Z"],
      [org.ous.workloads, null],
    ]);
    const after = await db.iamUser.findMany({
      where: { accountId: prodApp },
      include: { accessKeys: true },
    });
    expect(after.map((u) => [u.userName, u.accessKeys.map((k) => k.active)])).toEqual([
      ["deploy-bot", [false]],
    ]);
    const months = await db.costMonthly.findMany({
      where: { source: "aws" },
      orderBy: [{ month: "asc" }],
      select: { month: true, accountId: true, unblended: true, estimated: true },
    });
    expect(
      months.map((m) => [
        m.month.toISOString().slice(0, 10),
        m.accountId,
        m.unblended.toString(),
        m.estimated,
      ]),
    ).toEqual([
      ["2024-12-01", stray, "2", false],
      ["2025-05-01", prodApp, "11", false],
      ["2025-06-01", prodApp, "2", true],
    ]);
  });

  it("marks an account whose role cannot be assumed as failed, keeps its last evidence and ends partial", async () => {
    const { prodApp } = org.accounts;
    const denied = new STSServiceException({
      name: "AccessDenied",
      $fault: "client",
      $metadata: { httpStatusCode: 403 },
      message: `User is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${prodApp}:role/OrgLensAudit`,
    });
    const result = await run("2025-06-17T12:00:00Z", {
      assumeRole: async (target, base) => {
        if (target.accountId === prodApp) throw denied;
        return stsAssumeRole(target, base);
      },
    });
    expect(result).toMatchObject({ status: "partial", accountsAudited: 4, accountsFailed: 1 });
    const account = await db.account.findUniqueOrThrow({ where: { id: prodApp } });
    expect(account.auditStatus).toBe("failed");
    expect(account.auditError).toMatch(
      /cannot assume arn:aws:iam::\d{12}:role\/OrgLensAudit: AccessDenied/,
    );
    expect(await db.iamUser.count({ where: { accountId: prodApp } })).toBe(1);
    const errors = await db.runAccountError.findMany({
      where: { runId: result.runId, phase: "audit" },
    });
    expect(errors).toMatchObject([{ accountId: prodApp }]);
  });

  it("leaves the previous data untouched when a run crashes while storing", async () => {
    const { stray } = org.accounts;
    const orgs = new OrganizationsClient(awsConfig(moto.endpoint));
    await orgs.send(
      new MoveAccountCommand({
        AccountId: stray,
        SourceParentId: org.rootId,
        DestinationParentId: org.ous.workloads,
      }),
    );
    const before = await db.accountPlacement.count();
    // The run engine with a crashing evaluation step in place of the real one.
    const result = await runCollection(db, database.url, {
      source: "aws",
      produce: awsSource(db, options("2025-06-18T12:00:00Z", {})).produce,
      evaluate: () => Promise.reject(new Error("evaluation crashed")),
    });
    expect(result).toMatchObject({ status: "failed", error: "evaluation crashed" });
    expect((await db.account.findUniqueOrThrow({ where: { id: stray } })).ouId).toBe(org.rootId);
    expect(await db.accountPlacement.count()).toBe(before);
    const row = await db.collectionRun.findUniqueOrThrow({ where: { id: result.runId } });
    expect(row.ceRequests).toBeGreaterThan(0);
  });

  it("answers 'already running' while another run holds the lock", async () => {
    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock(4224001)");
      await expect(run("2025-06-19T12:00:00Z")).rejects.toBeInstanceOf(RunAlreadyInProgressError);
    } finally {
      await holder.end();
    }
  });
});
