import {
  CreateOrganizationCommand,
  DescribeCreateAccountStatusCommand,
  OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsConfig } from "@/testing/aws/moto-org";
import { evaluateRun } from "@/lib/collect/evaluate";
import { runCollection } from "@/lib/collect/run";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { ACC, OU, auditOf, baselineSnapshot, iamUser } from "@/testing/checks/fixtures";
import { transition } from "@/lib/domain/requests/state-machine";
import type { TSnapshot } from "@/lib/domain/snapshot";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { startMoto, type MotoServer } from "@/testing/moto";
import { accountEmail, createOrganizationAccount } from "./create-organization-account";
import { requestStateOf } from "@/lib/domain/requests/request-state";
import { syncAccountRequests } from "./sync-account-requests";

describe("account requests: CreateAccount (moto) → provisioned → compliant", () => {
  let tdb: TestDatabase;
  let db: Db;
  let moto: MotoServer;

  beforeAll(async () => {
    [tdb, moto] = await Promise.all([createTestDatabase(), startMoto()]);
    db = createPrismaClient(tdb.url);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await tdb?.drop();
    await moto?.stop();
  });

  it("creates the account through Organizations, links it when collected, and marks it compliant once clean", async () => {
    const orgs = new OrganizationsClient(awsConfig(moto.endpoint));
    await orgs.send(new CreateOrganizationCommand({ FeatureSet: "ALL" }));
    const base = baselineSnapshot();
    base.collectedAt = "2026-03-14T06:00:00.000Z";
    await runCollection(db, tdb.url, {
      source: "demo",
      produce: () => Promise.resolve(base),
      evaluate: evaluateRun,
    });

    const requested = await db.accountRequest.create({
      data: {
        name: "Shop Test",
        purpose: "QA",
        environment: "test",
        targetOuId: OU.sdlc,
        owner: "o@example.com",
        costCenter: "CC-100",
        requestedBy: "analyst@example.com",
        status: "requested",
        requestedAt: new Date("2026-03-14T08:00:00Z"),
      },
    });
    await db.accountRequest.update({
      where: { id: requested.id },
      data: transition(requestStateOf(requested), {
        kind: "approve",
        by: "admin@example.com",
        note: null,
        at: new Date("2026-03-14T09:00:00Z"),
      }),
    });

    expect(accountEmail("aws+{name}@corp.example", "Shop Test")).toBe("aws+shop-test@corp.example");
    const created = await createOrganizationAccount(db, {
      name: "Shop Test",
      email: "aws+shop-test@corp.example",
      client: orgs,
    });
    const status = await orgs.send(
      new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: created.id }),
    );
    expect(status.CreateAccountStatus?.AccountName).toBe("Shop Test");
    const accountId = status.CreateAccountStatus?.AccountId ?? created.accountId;
    expect(accountId).toMatch(/^\d{12}$/);
    expect(await db.accountCreation.findUnique({ where: { id: created.id } })).toMatchObject({
      accountName: "Shop Test",
    });
    // Nothing to link until the collector has seen the creation succeed.
    expect(await syncAccountRequests(db)).toEqual({ provisioned: 0, compliant: 0 });

    const withAccount = (bad: boolean) => (s: TSnapshot) => {
      s.accounts.push({
        id: accountId ?? "",
        name: "Shop Test",
        email: "aws+shop-test@corp.example",
        status: "ACTIVE",
        joinedMethod: "CREATED",
        joinedAt: "2026-03-14T10:05:00.000Z",
        parentId: OU.sdlc,
        tags: { owner: "o", project: "p", "cost-center": "CC-100", environment: "test" },
      });
      s.createAccountStatuses.push({
        id: created.id,
        accountName: "Shop Test",
        accountId: accountId ?? null,
        state: "SUCCEEDED",
        requestedAt: "2026-03-14T10:00:00.000Z",
        completedAt: "2026-03-14T10:05:00.000Z",
        failureReason: null,
      });
      s.audits.push({
        ...auditOf(s, ACC.dev),
        accountId: accountId ?? "",
        iamUsers: bad ? [iamUser(accountId ?? "", "bootstrap", { passwordEnabled: true })] : [],
      });
    };
    const snap = (at: string, bad: boolean) => {
      const s = baselineSnapshot();
      s.collectedAt = at;
      withAccount(bad)(s);
      return s;
    };
    await runCollection(db, tdb.url, {
      source: "demo",
      produce: () => Promise.resolve(snap("2026-03-15T06:00:00.000Z", true)),
      evaluate: evaluateRun,
    });
    expect(await syncAccountRequests(db)).toEqual({ provisioned: 1, compliant: 0 });
    expect(
      await db.accountRequest.findUniqueOrThrow({ where: { id: requested.id } }),
    ).toMatchObject({
      status: "provisioned",
      accountId,
      provisionedAt: new Date("2026-03-14T10:05:00.000Z"),
    });

    await runCollection(db, tdb.url, {
      source: "demo",
      produce: () => Promise.resolve(snap("2026-03-16T06:00:00.000Z", false)),
      evaluate: evaluateRun,
    });
    expect(await syncAccountRequests(db)).toEqual({ provisioned: 0, compliant: 1 });
    const done = await db.accountRequest.findUniqueOrThrow({ where: { id: requested.id } });
    expect(done).toMatchObject({
      status: "compliant",
      compliantAt: new Date("2026-03-16T06:00:00.000Z"),
    });
  });
});
