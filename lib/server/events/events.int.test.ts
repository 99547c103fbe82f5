// First: lib/db reads the environment when first imported.
import "@/testing/placeholder-server-env";
import {
  AttachRolePolicyCommand,
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
  UpdateAssumeRolePolicyCommand,
} from "@aws-sdk/client-iam";
import {
  AttachPolicyCommand,
  CreateAccountCommand,
  CreatePolicyCommand,
  DeletePolicyCommand,
  DetachPolicyCommand,
  OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectAws } from "@/lib/collect/sources/aws";
import type { Db } from "@/lib/db/client";
import { GUARDRAIL_SCP_BASELINE } from "@/lib/domain/checks/guardrail-scp-baseline";
import { IAM_CROSS_ACCOUNT_TRUST } from "@/lib/domain/checks/iam-cross-account-trust";
import { IAM_LATERAL_ADMIN_TRUST } from "@/lib/domain/checks/iam-lateral-admin-trust";
import { IAM_LOCAL_USERS } from "@/lib/domain/checks/iam-local-users";
import { ORG_ACCOUNT_UNREQUESTED } from "@/lib/domain/checks/org-account-unrequested";
import { LOG_ORG_TRAIL } from "@/lib/domain/checks/log-org-trail";
import type { Principal } from "@/lib/domain/access";
import { afterRun } from "@/lib/collect/after-run";
import { lockFindings } from "@/lib/collect/findings/findings-lock";
import { reevaluateNow } from "@/lib/server/runs/reevaluate-now";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { verifyApiToken } from "@/lib/server/tokens/verify-api-token";
import { startWebhookReceiver, type WebhookReceiver } from "@/testing/alerts/receivers";
import { costResult } from "@/testing/aws/ce-results";
import { motoCollectOptions } from "@/testing/aws/moto-collect";
import { awsConfig, iamIn, presetCostResults, type MotoOrg } from "@/testing/aws/moto-org";
import { startMotoOrgDb, stopMotoOrgDb, type MotoOrgDb } from "@/testing/aws/moto-org-db";
import {
  acceptHandshakeEvent,
  adminSession,
  cloudTrailEvent,
  createAccountEvent,
  createAccessKeyEvent,
  createAccountResultEvent,
  createLoginProfileEvent,
  createUserEvent,
  deletePolicyEvent,
  detachPolicyEvent,
  inviteAccountEvent,
  moveAccountEvent,
  removeAccountEvent,
  stopLoggingEvent,
  updateAssumeRolePolicyEvent,
} from "@/testing/events";
import { createIngestToken } from "./create-ingest-token";
import { receiveEvents } from "./receive-events";
import { revokeIngestToken } from "./revoke-ingest-token";

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

beforeAll(async () => {
  env = await startMotoOrgDb();
  ({ db, org } = env);
  hook = await startWebhookReceiver();
  // The receiver listens on loopback, which deliveries refuse unless the operator allows it.
  process.env.ORGLENS_ALLOWED_PRIVATE_TARGETS = "127.0.0.1";
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
      name: "IAM users",
      checkIds: [IAM_LOCAL_USERS],
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

async function collect() {
  await presetCostResults(env.moto.endpoint, [costResult([])]);
  const r = await collectAws(
    db,
    env.database.url,
    motoCollectOptions(env.moto.endpoint, new Date(), { triggeredBy: "test" }),
  );
  expect(r.status).not.toBe("failed");
}

/** Through the endpoint's handler as the app wires it, with `after()` replaced by a list we await. */
async function post(body: unknown, authorization: string | null = `Bearer ${secret}`) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const req = new NextRequest("http://orglens.test/api/v1/events", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(authorization ? { authorization } : {}),
    },
    body: text,
  });
  const res = await receiveEvents(req, { db, defer: (task) => void deferred.push(task) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
/** Runs what the handler deferred, as `after()` does once the answer is sent. */
const settle = () => Promise.all(deferred.splice(0).map((task) => task()));

const userFinding = (account: string, userName: string) =>
  db.finding.findUnique({
    where: {
      fingerprint: `${IAM_LOCAL_USERS}|${account}|arn:aws:iam::${account}:user/${userName}`,
    },
    include: { events: { orderBy: { id: "asc" } } },
  });
const alertsFor = (text: string) => hook.received.filter((r) => r.body.includes(text));

describe("ingest tokens", () => {
  it("refuse a missing, an API or a revoked token; an ingest token opens no other route", async () => {
    const event = createUserEvent(org.accounts.prodApp, "token-probe");
    expect((await post(event, null)).status).toBe(401);
    const api = await createApiToken(db, admin, { name: "bi", expiresInDays: 1 });
    expect(await post(event, `Bearer ${api.secret}`)).toMatchObject({
      status: 401,
      body: { code: "INGEST_TOKEN_INVALID" },
    });
    // The other way round: every other route resolves bearer tokens through verifyApiToken.
    expect(await verifyApiToken(db, secret, { adminEmails: [admin.email] })).toBeNull();

    const spare = await createIngestToken(db, admin, { name: "spare" });
    expect(
      (await post(createUserEvent("999999999999", "x"), `Bearer ${spare.secret}`)).status,
    ).toBe(202);
    await revokeIngestToken(db, admin, spare.id);
    expect((await post(event, `Bearer ${spare.secret}`)).status).toBe(401);
    await settle();
    expect(await db.ingestedEvent.count({ where: { id: event.id } })).toBe(0);
    const audit = await db.auditEvent.findMany({
      where: { action: { startsWith: "ingest-token." } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ["ingest-token.create", admin.email],
      ["ingest-token.create", admin.email],
      ["ingest-token.revoke", admin.email],
    ]);
    const row = await db.ingestToken.findUniqueOrThrow({ where: { id: spare.id } });
    expect(row.tokenHash).not.toContain(spare.secret);
    expect(row.lastUsedAt).not.toBeNull();
  });

  it("a scoped admin can neither create, list nor revoke them", async () => {
    const scoped: Principal = {
      ...admin,
      email: "bu-admin@corp.example",
      scope: { ouIds: [org.ous.prod] },
    };
    await expect(createIngestToken(db, scoped, { name: "mine" })).rejects.toMatchObject({
      status: 403,
    });
    const [token] = await db.ingestToken.findMany({ where: { revokedAt: null } });
    await expect(revokeIngestToken(db, scoped, token?.id ?? "")).rejects.toMatchObject({
      status: 403,
    });
    expect(await db.ingestToken.count({ where: { revokedAt: null } })).toBe(1);
  });
});

describe("POST /api/v1/events input", () => {
  it("answers 400 with the reason for a malformed event, 413 for too many or too large", async () => {
    const bad = { ...createUserEvent(org.accounts.prodApp, "x"), account: "12345" };
    const r = await post([createUserEvent(org.accounts.prodApp, "y"), bad]);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: "INVALID_EVENT" });
    expect(String(r.body["error"])).toContain("1.account");

    const noName = createUserEvent(org.accounts.prodApp, "z");
    const { eventName: _dropped, ...detail } = noName.detail;
    expect(await post({ ...noName, detail })).toMatchObject({ status: 400 });
    expect((await post("{not json")).status).toBe(400);
    // A deeply nested detail (well under the size cap) is a 400, never a stack overflow and a 500.
    const deep = JSON.stringify(
      createUserEvent(org.accounts.prodApp, "deep", {
        requestParameters: { userName: "deep", nested: "NESTED" },
      }),
    ).replace('"NESTED"', `${"[".repeat(50_000)}${"]".repeat(50_000)}`);
    expect(await post(deep)).toMatchObject({ status: 400, body: { code: "INVALID_EVENT" } });

    const many = Array.from({ length: 101 }, (_, i) =>
      createUserEvent(org.accounts.prodApp, `u${i}`),
    );
    expect(await post(many)).toMatchObject({ status: 413, body: { code: "TOO_MANY_EVENTS" } });
    const huge = createUserEvent(org.accounts.prodApp, "big", {
      requestParameters: { userName: "big", padding: "x".repeat(1100 * 1024) },
    });
    expect(await post(huge)).toMatchObject({ status: 413, body: { code: "BODY_TOO_LARGE" } });
    expect(
      await db.ingestedEvent.count({
        where: { eventName: "CreateUser", accountId: org.accounts.prodApp },
      }),
    ).toBe(0);
  });

  it("acknowledges a batch of 100 before applying it", async () => {
    const batch = Array.from({ length: 100 }, (_, i) =>
      cloudTrailEvent({
        account: org.accounts.sandbox,
        source: "aws.sts",
        eventName: "AssumeRole",
        requestParameters: {
          roleArn: `arn:aws:iam::${org.accounts.sandbox}:role/r${i}`,
          roleSessionName: "s",
        },
      }),
    );
    const r = await post(batch);
    expect(r).toMatchObject({ status: 202, body: { accepted: 100, duplicates: 0 } });
    // Nothing applied yet: the work runs after the answer.
    expect(await db.ingestedEvent.count({ where: { status: "pending" } })).toBe(100);
    await settle();
    expect(await db.ingestedEvent.count({ where: { status: "pending" } })).toBe(0);
    // sts:AssumeRole sessions create nothing: all stored, all ignored.
    expect(
      await db.ingestedEvent.count({ where: { eventName: "AssumeRole", status: "ignored" } }),
    ).toBe(100);
  });
});

describe("IAM events open the findings the collection would", () => {
  const created = createUserEvent("", "");
  beforeAll(() => {
    Object.assign(created, createUserEvent(org.accounts.prodApp, "eve"));
  });

  it("CreateUser in a member account opens IAM_LOCAL_USERS at once, marked as an event, and alerts once", async () => {
    expect(await post(created)).toMatchObject({
      status: 202,
      body: { accepted: 1, duplicates: 0 },
    });
    await settle();
    const f = await userFinding(org.accounts.prodApp, "eve");
    expect(f).toMatchObject({
      status: "open",
      severity: "medium",
      title: "IAM user eve",
      evidence: { source: "event", eventId: created.detail.eventID, passwordEnabled: false },
    });
    expect(f?.firstSeenAt.toISOString()).toBe(created.time.replace("Z", ".000Z"));
    expect(f?.events.map((e) => [e.kind, e.actor])).toEqual([
      ["opened", created.detail.userIdentity.arn],
    ]);
    expect(f?.events[0]?.detail).toMatchObject({
      source: "event",
      eventId: created.detail.eventID,
      eventName: "CreateUser",
    });
    expect(alertsFor("IAM user eve")).toHaveLength(1);
  });

  it("a redelivered event changes nothing", async () => {
    expect(await post([created])).toMatchObject({
      status: 202,
      body: { accepted: 0, duplicates: 1 },
    });
    await settle();
    expect((await userFinding(org.accounts.prodApp, "eve"))?.events).toHaveLength(1);
    expect(alertsFor("IAM user eve")).toHaveLength(1);
  });

  it("Re-evaluate now does not resolve it with the older stored evidence, nor alert again", async () => {
    const before = await userFinding(org.accounts.prodApp, "eve");
    const run = await reevaluateNow(db, env.database.url, admin);
    expect(run.status).not.toBe("failed");
    const after = await userFinding(org.accounts.prodApp, "eve");
    expect(after).toMatchObject({ status: "open", reopenedCount: before?.reopenedCount });
    expect(after?.events.map((e) => e.kind)).toEqual(["opened"]);
    expect(alertsFor("IAM user eve")).toHaveLength(1);
  });

  it("leaves events pending while a run stores its findings, and the run's after-run step applies them (one writer of findings at a time)", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked = () => {};
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    // A run's store-and-evaluate transaction holds the lock (as storeSnapshot does first thing).
    const run = db.$transaction(
      async (tx) => {
        await lockFindings(tx);
        locked();
        await held;
      },
      { timeout: 120_000 },
    );
    const racer = createUserEvent(org.accounts.prodApp, "racer");
    try {
      // The event arrives once the run holds the lock (not before: then it would simply be applied).
      await lockTaken;
      await post(racer);
      // The event is left behind the run, never waited for inside a short transaction: nothing written yet.
      await settle();
      expect(await userFinding(org.accounts.prodApp, "racer")).toBeNull();
      expect(await db.ingestedEvent.findUnique({ where: { id: racer.id } })).toMatchObject({
        status: "pending",
      });
    } finally {
      // Never left holding the lock: every later test would wait behind it.
      release();
      await run;
    }
    const latest = await db.collectionRun.findFirstOrThrow({ orderBy: { startedAt: "desc" } });
    const after = await afterRun(db, latest.id, () => {});
    expect(after.events).toMatchObject({ applied: 1, deferred: false });
    expect(await userFinding(org.accounts.prodApp, "racer")).toMatchObject({ status: "open" });
  });

  it("CreateLoginProfile and CreateAccessKey raise the same finding's severity", async () => {
    await post([
      createLoginProfileEvent(org.accounts.prodApp, "eve"),
      createAccessKeyEvent(org.accounts.prodApp, "eve"),
    ]);
    await settle();
    const f = await userFinding(org.accounts.prodApp, "eve");
    expect(f).toMatchObject({
      severity: "high",
      evidence: { passwordEnabled: true, activeAccessKeys: 1 },
    });
    expect(f?.events.map((e) => e.kind)).toEqual(["opened", "updated", "updated"]);
  });

  it("a user in the management account is high, as the check rates it", async () => {
    await post(createUserEvent(org.managementId, "mallory"));
    await settle();
    expect(await userFinding(org.managementId, "mallory")).toMatchObject({
      status: "open",
      severity: "high",
      title: "IAM user mallory in the management account",
    });
  });

  it("an exception rule covering the account excepts the event's finding at once, and it is not alerted", async () => {
    await db.exceptionRule.create({
      data: {
        name: "sandbox-users",
        checkId: IAM_LOCAL_USERS,
        accountId: org.accounts.prodApp,
        resourcePattern: "arn:aws:iam::*:user/sandbox-*",
        reason: "break-glass users of the sandbox team",
        owner: "platform",
        reviewAt: new Date(Date.now() + 30 * 86_400_000),
        createdBy: admin.email,
      },
    });
    await post([
      createUserEvent(org.accounts.prodApp, "sandbox-kim"),
      createUserEvent(org.accounts.prodApp, "sandbox2-lee"),
    ]);
    await settle();
    const covered = await userFinding(org.accounts.prodApp, "sandbox-kim");
    const lookAlike = await userFinding(org.accounts.prodApp, "sandbox2-lee");
    expect(covered?.exceptionRuleId).not.toBeNull();
    expect(covered?.events.map((e) => e.kind)).toEqual(["opened", "excepted"]);
    expect(lookAlike).toMatchObject({ status: "open", exceptionRuleId: null });
    expect(alertsFor("IAM user sandbox-kim")).toHaveLength(0);
    expect(alertsFor("IAM user sandbox2-lee")).toHaveLength(1);
    await db.exceptionRule.deleteMany({ where: { name: "sandbox-users" } });
  });

  it("look-alikes open nothing: an account outside the organization, a failed call, an assumed-role session", async () => {
    const outside = createUserEvent("999999999999", "eve");
    const failed = createUserEvent(org.accounts.prodApp, "denied", { errorCode: "AccessDenied" });
    const session = cloudTrailEvent({
      account: org.accounts.prodApp,
      source: "aws.sts",
      eventName: "AssumeRole",
      requestParameters: {
        roleArn: `arn:aws:iam::${org.accounts.prodApp}:role/ci`,
        roleSessionName: "ci",
      },
      responseElements: {
        assumedRoleUser: { arn: `arn:aws:sts::${org.accounts.prodApp}:assumed-role/ci/ci` },
      },
    });
    const before = await db.finding.count();
    await post([outside, failed, session]);
    await settle();
    expect(await db.finding.count()).toBe(before);
    expect(await userFinding(org.accounts.prodApp, "denied")).toBeNull();
    const rows = await db.ingestedEvent.findMany({
      where: { id: { in: [outside.id, failed.id, session.id] } },
      orderBy: { eventName: "asc" },
    });
    expect(rows.map((r) => r.status)).toEqual(["ignored", "ignored", "ignored"]);
    expect(rows.find((r) => r.id === failed.id)?.outcome).toContain("AccessDenied");
    expect(rows.find((r) => r.id === outside.id)?.outcome).toContain("not an active account");
  });

  it("the next collection confirms what AWS holds, resolves what it does not, and sends no alert again", async () => {
    const iam = await iamIn(env.moto.endpoint, org.accounts.prodApp);
    await iam.send(new CreateUserCommand({ UserName: "eve" }));
    await iam.send(new CreateLoginProfileCommand({ UserName: "eve", Password: "Pa55word!long" }));
    await iam.send(new CreateAccessKeyCommand({ UserName: "eve" }));
    iam.destroy();
    const eventFinding = await userFinding(org.accounts.prodApp, "eve");
    await collect();
    const eve = await userFinding(org.accounts.prodApp, "eve");
    expect(eve).toMatchObject({ id: eventFinding?.id, status: "open", severity: "high" });
    // The collection's evidence replaces the event's.
    expect(eve?.evidence).not.toHaveProperty("source");
    expect(eve?.lastSeenRunId).not.toBe(eventFinding?.lastSeenRunId);
    expect(alertsFor("IAM user eve")).toHaveLength(1);
    // mallory never existed in AWS (moto): the collection, the source of truth, resolves it.
    expect(await userFinding(org.managementId, "mallory")).toMatchObject({ status: "resolved" });
  });
});

describe("Organizations events update the tree", () => {
  it("MoveAccount moves the account and its placement at the event's time", async () => {
    const move = moveAccountEvent(
      org.managementId,
      org.accounts.sandbox,
      org.ous.sandbox,
      org.ous.prod,
    );
    await post(move);
    await settle();
    expect(await db.account.findUnique({ where: { id: org.accounts.sandbox } })).toMatchObject({
      ouId: org.ous.prod,
    });
    const placements = await db.accountPlacement.findMany({
      where: { accountId: org.accounts.sandbox },
      orderBy: { id: "asc" },
    });
    expect(placements.slice(-2).map((p) => [p.ouId, p.validTo?.toISOString() ?? null])).toEqual([
      [org.ous.sandbox, new Date(move.time).toISOString()],
      [org.ous.prod, null],
    ]);
  });

  it("a MoveAccount a member account emits, or one older than the current placement, moves nothing", async () => {
    // Only the management account can move accounts: the same call "from" a member is not AWS's.
    const fromMember = moveAccountEvent(
      org.accounts.sandbox,
      org.accounts.sandbox,
      org.ous.prod,
      org.ous.sandbox,
    );
    // A delivery delayed past a later move would rewrite the placement history backwards.
    const stale = cloudTrailEvent({
      account: org.managementId,
      source: "aws.organizations",
      eventName: "MoveAccount",
      requestParameters: {
        accountId: org.accounts.sandbox,
        sourceParentId: org.ous.prod,
        destinationParentId: org.ous.sandbox,
      },
      time: new Date(Date.now() - 3_600_000),
    });
    const placementsBefore = await db.accountPlacement.count({
      where: { accountId: org.accounts.sandbox },
    });
    await post([fromMember]);
    await settle();
    await post([stale]);
    await settle();
    expect(await db.account.findUnique({ where: { id: org.accounts.sandbox } })).toMatchObject({
      ouId: org.ous.prod,
    });
    expect(await db.accountPlacement.count({ where: { accountId: org.accounts.sandbox } })).toBe(
      placementsBefore,
    );
    const outcome = async (id: string) =>
      (await db.ingestedEvent.findUnique({ where: { id } }))?.outcome ?? "";
    expect(await outcome(fromMember.id)).toContain("not emitted by the management account");
    expect(await outcome(stale.id)).toContain("older than the account's current placement");
  });

  it("CreateAccountResult puts a new account under the root; RemoveAccountFromOrganization takes one out", async () => {
    await post(createAccountResultEvent(org.managementId, "210987654321", "shop-dev"));
    await post(removeAccountEvent(org.managementId, org.accounts.stray));
    await settle();
    const root = await db.orgUnit.findFirstOrThrow({ where: { parentId: null } });
    expect(await db.account.findUnique({ where: { id: "210987654321" } })).toMatchObject({
      name: "shop-dev",
      ouId: root.id,
      status: "ACTIVE",
      removedAt: null,
    });
    expect(await db.account.findUnique({ where: { id: org.accounts.stray } })).toMatchObject({
      removedAt: expect.any(Date) as Date,
    });
    expect(
      await db.accountPlacement.count({ where: { accountId: org.accounts.stray, validTo: null } }),
    ).toBe(0);
  });

  it("the next collection corrects what AWS does not confirm", async () => {
    await collect();
    expect(await db.account.findUnique({ where: { id: org.accounts.sandbox } })).toMatchObject({
      ouId: org.ous.sandbox,
    });
    expect(await db.account.findUnique({ where: { id: "210987654321" } })).toMatchObject({
      removedAt: expect.any(Date) as Date,
    });
  });
});

describe("accounts that join outside a request open ORG_ACCOUNT_UNREQUESTED at once", () => {
  const mallory = (management: string) => ({
    type: "IAMUser",
    principalId: "AIDAEXAMPLEMALLORY",
    arn: `arn:aws:iam::${management}:user/mallory`,
    accountId: management,
  });
  const unrequested = (accountId: string) =>
    db.finding.findUnique({
      where: { fingerprint: `${ORG_ACCOUNT_UNREQUESTED}|${accountId}|` },
      include: { events: { orderBy: { id: "asc" } } },
    });
  /** Creates the account in moto (so the next collection sees it) and returns its ids. */
  async function motoAccount(name: string) {
    const orgs = new OrganizationsClient(awsConfig(env.moto.endpoint));
    const { CreateAccountStatus: s } = await orgs.send(
      new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }),
    );
    orgs.destroy();
    return { accountId: s?.AccountId ?? "", requestId: s?.Id ?? "" };
  }
  let rogue = { accountId: "", requestId: "" };

  beforeAll(async () => {
    const channel = await db.alertChannel.findFirstOrThrow({ where: { name: "siem" } });
    await db.alertRule.create({
      data: {
        channelId: channel.id,
        name: "Unrequested accounts",
        checkIds: [ORG_ACCOUNT_UNREQUESTED],
        categories: [],
        severities: [],
        ouIds: [],
      },
    });
  });

  it("CreateAccountResult opens the finding naming the CreateAccount caller, marked as an event, and alerts once", async () => {
    rogue = await motoAccount("rogue-dev");
    const call = createAccountEvent(
      org.managementId,
      rogue.requestId,
      "rogue-dev",
      mallory(org.managementId),
    );
    const result = createAccountResultEvent(
      org.managementId,
      rogue.accountId,
      "rogue-dev",
      rogue.requestId,
    );
    expect(await post([call, result])).toMatchObject({ status: 202, body: { accepted: 2 } });
    await settle();
    const f = await unrequested(rogue.accountId);
    const creator = mallory(org.managementId).arn;
    expect(f).toMatchObject({
      status: "open",
      severity: "medium",
      title: "rogue-dev was created without an account request",
      evidence: {
        source: "event",
        eventId: result.detail.eventID,
        createdBy: creator,
        createAccountRequestId: rogue.requestId,
      },
    });
    expect(f?.message).toContain(`created by ${creator}`);
    expect(f?.events.map((e) => [e.kind, e.actor])).toEqual([["opened", creator]]);
    expect(f?.events[0]?.detail).toMatchObject({
      source: "event",
      eventId: result.detail.eventID,
      eventName: "CreateAccountResult",
    });
    expect(await db.ingestedEvent.findUnique({ where: { id: result.id } })).toMatchObject({
      status: "applied",
      outcome: expect.stringContaining(`opened ${ORG_ACCOUNT_UNREQUESTED}`) as string,
    });
    expect(alertsFor("rogue-dev")).toHaveLength(1);
  });

  it("without an ingested CreateAccount call the creator is unknown", async () => {
    const lone = await motoAccount("lone-dev");
    await post(
      createAccountResultEvent(org.managementId, lone.accountId, "lone-dev", lone.requestId),
    );
    await settle();
    const f = await unrequested(lone.accountId);
    expect(f).toMatchObject({ status: "open", evidence: { createdBy: null } });
    expect(f?.message).toContain("created outside OrgLens");
    // The service event names no user: the history says the service did it.
    expect(f?.events[0]?.actor).toBe("AWS Internal");
  });

  it("AcceptHandshake opens it for an invited account, naming who sent the invitation", async () => {
    const invited = "444455556666";
    const handshake = "h-0123456789abcdef";
    const invite = inviteAccountEvent(org.managementId, invited, handshake);
    const accept = acceptHandshakeEvent(invited, handshake);
    await post([invite, accept]);
    await settle();
    const f = await unrequested(invited);
    expect(f).toMatchObject({
      status: "open",
      evidence: {
        source: "event",
        eventId: accept.detail.eventID,
        joinedMethod: "INVITED",
        createdBy: invite.detail.userIdentity.arn,
      },
    });
    expect(f?.title).toContain("was invited into the organization without an account request");
    expect(f?.events.map((e) => [e.kind, e.actor])).toEqual([
      ["opened", invite.detail.userIdentity.arn],
    ]);
  });

  it("look-alikes open nothing: an account vended through a request, a known account", async () => {
    const vended = await motoAccount("vended-dev");
    await db.accountRequest.create({
      data: {
        name: "vended-dev",
        purpose: "shop development",
        environment: "dev",
        targetOuId: org.ous.sandbox,
        owner: "team-shop@corp.example",
        costCenter: "CC-42",
        requestedBy: "dev@corp.example",
        status: "approved",
        decidedBy: admin.email,
        // The vending has its request id but has not read the account id back yet.
        createAccountRequestId: vended.requestId,
        vendingStatus: "running",
      },
    });
    const known = await motoAccount("known-dev");
    await db.knownAccount.create({ data: { accountId: known.accountId, source: "manual" } });
    const events = [
      createAccountEvent(
        org.managementId,
        vended.requestId,
        "vended-dev",
        adminSession(org.managementId),
      ),
      createAccountResultEvent(org.managementId, vended.accountId, "vended-dev", vended.requestId),
      createAccountResultEvent(org.managementId, known.accountId, "known-dev", known.requestId),
    ];
    await post(events);
    await settle();
    expect(await unrequested(vended.accountId)).toBeNull();
    expect(await unrequested(known.accountId)).toBeNull();
    // They did join the tree.
    expect(
      await db.account.count({
        where: { id: { in: [vended.accountId, known.accountId] }, removedAt: null },
      }),
    ).toBe(2);
    expect(alertsFor("vended-dev")).toHaveLength(0);
    expect(alertsFor("known-dev")).toHaveLength(0);
  });

  it("the next collection confirms the event's finding without a second alert, and flags no look-alike", async () => {
    const before = await unrequested(rogue.accountId);
    await collect();
    const after = await unrequested(rogue.accountId);
    expect(after).toMatchObject({ id: before?.id, status: "open" });
    expect(after?.lastSeenRunId).not.toBe(before?.lastSeenRunId);
    // The collection's evidence replaces the event's, and still names the creator from the event.
    expect(after?.evidence).not.toHaveProperty("source");
    expect(after?.evidence).toMatchObject({
      createdBy: mallory(org.managementId).arn,
      createAccountRequestId: rogue.requestId,
    });
    expect(alertsFor("rogue-dev")).toHaveLength(1);
    const flagged = await db.finding.findMany({
      where: { checkId: ORG_ACCOUNT_UNREQUESTED, status: "open" },
      select: { accountId: true },
    });
    const ids = flagged.map((f) => f.accountId);
    expect(ids).toContain(rogue.accountId);
    expect(ids).not.toContain(org.accounts.prodApp);
    // The invited account never joined in AWS (moto): the collection corrects the event.
    expect(await unrequested("444455556666")).toMatchObject({ status: "resolved" });
    const lookAlikes = await db.account.findMany({
      where: { name: { in: ["vended-dev", "known-dev"] } },
      select: { id: true },
    });
    expect(lookAlikes).toHaveLength(2);
    for (const a of lookAlikes) expect(ids).not.toContain(a.id);
  });
});

describe("UpdateAssumeRolePolicy opens the trust findings the collection would", () => {
  const roleArn = (name: string) => `arn:aws:iam::${org.accounts.prodApp}:role/${name}`;
  const trustFinding = (checkId: string, name: string) =>
    db.finding.findUnique({
      where: { fingerprint: `${checkId}|${org.accounts.prodApp}|${roleArn(name)}` },
      include: { events: { orderBy: { id: "asc" } } },
    });
  const trusting = (principal: string, condition?: Record<string, unknown>) => ({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { AWS: principal },
        Action: "sts:AssumeRole",
        ...(condition ? { Condition: condition } : {}),
      },
    ],
  });
  const OUTSIDE = "arn:aws:iam::999988887777:root";

  beforeAll(async () => {
    // Roles in prod-app (a production account) that first trust only their own account.
    const iam = await iamIn(env.moto.endpoint, org.accounts.prodApp);
    const own = JSON.stringify(trusting(`arn:aws:iam::${org.accounts.prodApp}:root`));
    for (const [name, policy] of [
      ["vendor-bridge", "arn:aws:iam::aws:policy/ReadOnlyAccess"],
      ["partner-bridge", "arn:aws:iam::aws:policy/ReadOnlyAccess"],
      ["peer-reader", "arn:aws:iam::aws:policy/ReadOnlyAccess"],
      ["deploy-admin", "arn:aws:iam::aws:policy/AdministratorAccess"],
    ] as const) {
      await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: own }));
      await iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: policy }));
    }
    iam.destroy();
    await collect();
    const channel = await db.alertChannel.findFirstOrThrow({ where: { name: "siem" } });
    await db.alertRule.create({
      data: {
        channelId: channel.id,
        name: "Role trust",
        checkIds: [IAM_CROSS_ACCOUNT_TRUST, IAM_LATERAL_ADMIN_TRUST],
        categories: [],
        severities: [],
        ouIds: [],
      },
    });
  }, 120_000);

  it("a trust of an outside account without a guard opens IAM_CROSS_ACCOUNT_TRUST at once, marked as an event, and alerts once", async () => {
    const ev = updateAssumeRolePolicyEvent(
      org.accounts.prodApp,
      "vendor-bridge",
      trusting(OUTSIDE),
    );
    await post(ev);
    await settle();
    const f = await trustFinding(IAM_CROSS_ACCOUNT_TRUST, "vendor-bridge");
    expect(f).toMatchObject({
      status: "open",
      severity: "high",
      title: "Role vendor-bridge trusts accounts outside the organization",
      evidence: {
        source: "event",
        eventId: ev.detail.eventID,
        principals: [OUTSIDE],
        adminPermissions: false,
      },
    });
    expect(f?.events.map((e) => [e.kind, e.actor])).toEqual([
      ["opened", ev.detail.userIdentity.arn],
    ]);
    expect(f?.events[0]?.detail).toMatchObject({
      source: "event",
      eventId: ev.detail.eventID,
      eventName: "UpdateAssumeRolePolicy",
    });
    // The stored role carries the new trust policy until the next collection reads it again.
    const stored = await db.iamRole.findUniqueOrThrow({
      where: {
        accountId_roleName: { accountId: org.accounts.prodApp, roleName: "vendor-bridge" },
      },
    });
    expect(stored.trustPolicy).toEqual(trusting(OUTSIDE));
    expect(alertsFor("vendor-bridge")).toHaveLength(1);
  });

  it("a sandbox account trusted by a production admin role opens IAM_LATERAL_ADMIN_TRUST", async () => {
    const ev = updateAssumeRolePolicyEvent(
      org.accounts.prodApp,
      "deploy-admin",
      trusting(`arn:aws:iam::${org.accounts.sandbox}:root`),
    );
    await post(ev);
    await settle();
    const f = await trustFinding(IAM_LATERAL_ADMIN_TRUST, "deploy-admin");
    expect(f).toMatchObject({
      status: "open",
      severity: "high",
      evidence: {
        source: "event",
        eventId: ev.detail.eventID,
        adminBecause: "arn:aws:iam::aws:policy/AdministratorAccess",
        lowerEnvironmentAccountCount: 1,
      },
    });
    // A principal inside the organization is not a door to the outside.
    expect(await trustFinding(IAM_CROSS_ACCOUNT_TRUST, "deploy-admin")).toBeNull();
    expect(alertsFor("deploy-admin")).toHaveLength(1);
  });

  it("look-alikes open nothing: an sts:ExternalId guard, a same-organization principal, a role never collected", async () => {
    const events = [
      updateAssumeRolePolicyEvent(
        org.accounts.prodApp,
        "partner-bridge",
        trusting(OUTSIDE, { StringEquals: { "sts:ExternalId": "partner-7f3a" } }),
      ),
      updateAssumeRolePolicyEvent(
        org.accounts.prodApp,
        "peer-reader",
        trusting(`arn:aws:iam::${org.accounts.sandbox}:root`),
      ),
      updateAssumeRolePolicyEvent(org.accounts.prodApp, "ghost-role", trusting(OUTSIDE)),
    ];
    await post(events);
    await settle();
    for (const name of ["partner-bridge", "peer-reader", "ghost-role"])
      for (const check of [IAM_CROSS_ACCOUNT_TRUST, IAM_LATERAL_ADMIN_TRUST])
        expect(await trustFinding(check, name)).toBeNull();
    const rows = await db.ingestedEvent.findMany({
      where: { id: { in: events.map((e) => e.id) } },
      select: { id: true, status: true, outcome: true },
    });
    expect(rows.map((r) => r.status)).toEqual(["ignored", "ignored", "ignored"]);
    expect(rows.find((r) => r.id === events[0]?.id)?.outcome).toContain("opens nothing");
    expect(rows.find((r) => r.id === events[2]?.id)?.outcome).toContain("not collected yet");
    expect(alertsFor("partner-bridge")).toHaveLength(0);
    expect(alertsFor("peer-reader")).toHaveLength(0);
  });

  it("the next collection confirms what AWS holds without a second alert, and resolves what it does not", async () => {
    const iam = await iamIn(env.moto.endpoint, org.accounts.prodApp);
    await iam.send(
      new UpdateAssumeRolePolicyCommand({
        RoleName: "vendor-bridge",
        PolicyDocument: JSON.stringify(trusting(OUTSIDE)),
      }),
    );
    iam.destroy();
    const before = await trustFinding(IAM_CROSS_ACCOUNT_TRUST, "vendor-bridge");
    await collect();
    const after = await trustFinding(IAM_CROSS_ACCOUNT_TRUST, "vendor-bridge");
    expect(after).toMatchObject({ id: before?.id, status: "open", severity: "high" });
    expect(after?.evidence).not.toHaveProperty("source");
    expect(after?.lastSeenRunId).not.toBe(before?.lastSeenRunId);
    expect(alertsFor("vendor-bridge")).toHaveLength(1);
    // deploy-admin's trust never changed in AWS (moto): the collection corrects the event.
    expect(await trustFinding(IAM_LATERAL_ADMIN_TRUST, "deploy-admin")).toMatchObject({
      status: "resolved",
    });
  });
});

describe("DetachPolicy / DeletePolicy of a baseline SCP open GUARDRAIL_SCP_BASELINE", () => {
  const ouFinding = (ouId: string) =>
    db.finding.findUnique({
      where: { fingerprint: `${GUARDRAIL_SCP_BASELINE}|${ouId}|` },
      include: { events: { orderBy: { id: "asc" } } },
    });
  let regionsScp = "";

  beforeAll(async () => {
    // The baseline here: no leaving the organization, which deny-leave on Workloads gives Prod.
    await db.setting.upsert({
      where: { key: "scpBaselineDeniedActions" },
      create: { key: "scpBaselineDeniedActions", value: ["organizations:LeaveOrganization"] },
      update: { value: ["organizations:LeaveOrganization"] },
    });
    // A policy outside the baseline, on Sandbox.
    const orgs = new OrganizationsClient(awsConfig(env.moto.endpoint));
    const { Policy } = await orgs.send(
      new CreatePolicyCommand({
        Name: "deny-regions",
        Description: "EU only",
        Type: "SERVICE_CONTROL_POLICY",
        Content: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Deny", Action: "ec2:RunInstances", Resource: "*" }],
        }),
      }),
    );
    regionsScp = Policy?.PolicySummary?.Id ?? "";
    await orgs.send(new AttachPolicyCommand({ PolicyId: regionsScp, TargetId: org.ous.sandbox }));
    orgs.destroy();
    await collect();
    const channel = await db.alertChannel.findFirstOrThrow({ where: { name: "siem" } });
    await db.alertRule.create({
      data: {
        channelId: channel.id,
        name: "Guardrails",
        checkIds: [GUARDRAIL_SCP_BASELINE],
        categories: [],
        severities: [],
        ouIds: [],
      },
    });
  }, 120_000);

  afterAll(async () => {
    await db.setting.deleteMany({ where: { key: "scpBaselineDeniedActions" } });
  });

  it("detaching the baseline SCP from an OU opens the finding of the OU it exposes at once, and alerts once", async () => {
    expect((await ouFinding(org.ous.prod))?.status ?? "none").not.toBe("open");
    const ev = detachPolicyEvent(org.managementId, org.scpId, org.ous.workloads);
    await post(ev);
    await settle();
    expect(
      await db.policyTarget.count({ where: { policyId: org.scpId, targetId: org.ous.workloads } }),
    ).toBe(0);
    const f = await ouFinding(org.ous.prod);
    expect(f).toMatchObject({
      status: "open",
      severity: "high",
      evidence: {
        source: "event",
        eventId: ev.detail.eventID,
        missingDenies: ["organizations:LeaveOrganization"],
        accounts: [org.accounts.prodApp],
      },
    });
    expect(f?.title).toContain("baseline guardrails missing");
    expect(f?.events.at(-1)).toMatchObject({
      actor: ev.detail.userIdentity.arn,
      detail: { source: "event", eventId: ev.detail.eventID, eventName: "DetachPolicy" },
    });
    expect(alertsFor(f?.title ?? "?")).toHaveLength(1);
  });

  it("look-alikes open nothing: a policy outside the baseline detached and deleted, an unknown policy", async () => {
    const before = await db.finding.count({
      where: { checkId: GUARDRAIL_SCP_BASELINE, status: "open" },
    });
    const events = [
      detachPolicyEvent(org.managementId, regionsScp, org.ous.sandbox),
      deletePolicyEvent(org.managementId, regionsScp),
      detachPolicyEvent(org.managementId, "p-unknown123", org.ous.sandbox),
    ];
    // One batch each: events of the same second apply in id order, and the detach must come first.
    for (const e of events) {
      await post([e]);
      await settle();
    }
    expect(await db.policy.findUnique({ where: { id: regionsScp } })).toBeNull();
    expect(
      await db.finding.count({ where: { checkId: GUARDRAIL_SCP_BASELINE, status: "open" } }),
    ).toBe(before);
    const ids = events.map((e) => e.detail.eventID);
    const written = await db.findingEvent.findMany({ select: { detail: true } });
    expect(
      written.filter((w) => ids.some((id) => JSON.stringify(w.detail).includes(id))),
    ).toHaveLength(0);
    const rows = await db.ingestedEvent.findMany({
      where: { id: { in: events.map((e) => e.id) } },
      orderBy: { eventTime: "asc" },
      select: { id: true, outcome: true },
    });
    expect(rows.find((r) => r.id === events[0]?.id)?.outcome).toContain(
      "no baseline guardrail is lost",
    );
    expect(rows.find((r) => r.id === events[2]?.id)?.outcome).toContain("not collected yet");
  });

  it("the next collection confirms the exposed OU without a second alert", async () => {
    const orgs = new OrganizationsClient(awsConfig(env.moto.endpoint));
    await orgs.send(new DetachPolicyCommand({ PolicyId: org.scpId, TargetId: org.ous.workloads }));
    await orgs.send(new DetachPolicyCommand({ PolicyId: regionsScp, TargetId: org.ous.sandbox }));
    await orgs.send(new DeletePolicyCommand({ PolicyId: regionsScp }));
    orgs.destroy();
    const before = await ouFinding(org.ous.prod);
    await collect();
    const after = await ouFinding(org.ous.prod);
    expect(after).toMatchObject({ id: before?.id, status: "open", severity: "high" });
    expect(after?.evidence).not.toHaveProperty("source");
    expect(after?.lastSeenRunId).not.toBe(before?.lastSeenRunId);
    expect(alertsFor(after?.title ?? "?")).toHaveLength(1);
  });
});

describe("CloudTrail events open the logging finding", () => {
  const orgTrailFinding = () =>
    db.finding.findUnique({
      where: { fingerprint: `${LOG_ORG_TRAIL}|${org.managementId}|` },
      include: { events: { orderBy: { id: "asc" } } },
    });

  it("StopLogging on a member's own trail (a look-alike) opens nothing", async () => {
    expect((await orgTrailFinding())?.status ?? "none").not.toBe("open");
    const own = stopLoggingEvent(org.accounts.sandbox, "team-trail");
    await post(own);
    await settle();
    expect((await orgTrailFinding())?.status ?? "none").not.toBe("open");
    expect(await db.ingestedEvent.findUnique({ where: { id: own.id } })).toMatchObject({
      status: "ignored",
      outcome: "team-trail is not a known organization trail",
    });
    // A member account's trail named like the organization trail stands in for nothing.
    const decoy = stopLoggingEvent(org.accounts.sandbox, "org-trail");
    await post(decoy);
    await settle();
    expect((await orgTrailFinding())?.status ?? "none").not.toBe("open");
    expect(await db.ingestedEvent.findUnique({ where: { id: decoy.id } })).toMatchObject({
      status: "ignored",
      outcome: "org-trail is not a known organization trail",
    });
  });

  it("StopLogging on the organization trail opens LOG_ORG_TRAIL at once; the next run resolves it if AWS still logs", async () => {
    const stop = stopLoggingEvent(org.managementId, "org-trail");
    await post(stop);
    await settle();
    const f = await orgTrailFinding();
    expect(f).toMatchObject({
      status: "open",
      severity: "high",
      title: "The organization trail does not record everything",
    });
    expect(f?.message).toContain("org-trail is not logging");
    expect(f?.events.at(-1)).toMatchObject({
      actor: stop.detail.userIdentity.arn,
      detail: { source: "event", eventName: "StopLogging", eventId: stop.detail.eventID },
    });
    // moto's trail was never stopped: the collection, the source of truth, corrects the event.
    await collect();
    expect(await orgTrailFinding()).toMatchObject({ status: "resolved" });
  });
});
