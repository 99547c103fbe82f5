// Vending against moto: an approved request's account is created with its tags, moved into its OU and
// budgeted, each step logged; a failed MoveAccount is retried without a second CreateAccount; accounts
// that join outside the process are flagged (ORG_ACCOUNT_UNREQUESTED) until linked or marked known.
// First: lib/db reads the environment when first imported.
import "@/testing/placeholder-server-env";
import {
  ListCreateAccountStatusCommand,
  ListParentsCommand,
  ListTagsForResourceCommand,
  OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { collectAws } from "@/lib/collect/sources/aws";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import { ORG_ACCOUNT_UNREQUESTED } from "@/lib/domain/checks/org-account-unrequested";
import { createKnownAccount } from "@/lib/server/known-accounts/create-known-account";
import { presetCostResults, awsConfig, createAccount, type MotoOrg } from "@/testing/aws/moto-org";
import { motoCollectOptions } from "@/testing/aws/moto-collect";
import { startMotoOrgDb, stopMotoOrgDb, type MotoOrgDb } from "@/testing/aws/moto-org-db";
import { startForwardingProxy, type ForwardingProxy } from "@/testing/aws/forwarding-proxy";
import { costResult } from "@/testing/aws/ce-results";
import { createAccountRequest } from "./create-account-request";
import { decideAccountRequest } from "./decide-account-request";
import { linkAccountToRequest } from "./link-account-to-request";
import { listAccountRequests, REDACTED_STEP_DETAIL } from "./list-account-requests";
import { retryAccountVending } from "./retry-account-vending";
import { saveRequestSettings } from "./save-request-settings";
import { syncAccountRequests } from "./sync-account-requests";

const who = (email: string, role: Principal["role"], ouIds: string[] | null): Principal => ({
  kind: "user",
  email,
  name: null,
  role,
  scope: { ouIds },
});
const admin = who("admin@corp.example", "admin", null);
const analyst = who("ann@corp.example", "analyst", null);

let env: MotoOrgDb;
let db: Db;
let org: MotoOrg;
let orgs: OrganizationsClient;
/** Jobs the decision and retry scheduled "after the response"; the test runs them. */
const jobs: (() => Promise<void>)[] = [];
const schedule = (job: () => Promise<void>) => void jobs.push(job);
const runJobs = async () => {
  while (jobs.length) await jobs.shift()?.();
};

async function collect() {
  await presetCostResults(env.moto.endpoint, [costResult([])]);
  const result = await collectAws(
    db,
    env.database.url,
    motoCollectOptions(env.moto.endpoint, new Date(), { triggeredBy: "test" }),
  );
  expect(result.status).not.toBe("failed");
}

async function approvedRequest(name: string, targetOuId: string, monthlyBudget: number | null) {
  const filed = await createAccountRequest(db, analyst, {
    name,
    purpose: "Checkout service",
    environment: "prod",
    targetOuId,
    owner: "payments@corp.example",
    costCenter: "CC-200",
    monthlyBudget,
  });
  const decided = await decideAccountRequest(
    db,
    admin,
    filed.id,
    { decision: "approve", note: "ok" },
    schedule,
  );
  return { id: filed.id, decided };
}

const viewOf = async (id: string) =>
  (await listAccountRequests(db, admin)).requests.find((r) => r.id === id);

const creationsNamed = async (name: string) =>
  ((await orgs.send(new ListCreateAccountStatusCommand({}))).CreateAccountStatuses ?? []).filter(
    (s) => s.AccountName === name,
  );

const parentOf = async (accountId: string) =>
  (await orgs.send(new ListParentsCommand({ ChildId: accountId }))).Parents?.[0]?.Id;

const openUnrequested = async () =>
  (
    await db.finding.findMany({
      where: { checkId: ORG_ACCOUNT_UNREQUESTED, status: "open" },
      select: { accountId: true, message: true, evidence: true },
      orderBy: { accountId: "asc" },
    })
  ).map((f) => f.accountId);

beforeAll(async () => {
  env = await startMotoOrgDb();
  ({ db, org } = env);
  orgs = new OrganizationsClient(awsConfig(env.moto.endpoint));
  // The vending run builds its own client, as in production: the default chain, pointed at moto.
  vi.stubEnv("AWS_ENDPOINT_URL", env.moto.endpoint);
  vi.stubEnv("AWS_ACCESS_KEY_ID", "testing");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "testing");
  // OrgLens's first run: every account already in the organization predates the request process.
  await collect();
  await saveRequestSettings(db, admin, {
    createAccounts: true,
    emailTemplate: "aws+{name}@corp.example",
    processSince: null,
  });
}, 300_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await stopMotoOrgDb(env);
});

describe("account vending (moto)", () => {
  let vendedId = "";
  let vendedAccount = "";

  it("creates, moves, tags and budgets an approved request's account after the response, logging each step", async () => {
    const { id, decided } = await approvedRequest("checkout-prod", org.ous.prod, 250);
    // The decision answers before any AWS call: the work is scheduled, nothing logged yet.
    expect(decided).toMatchObject({ vending: true, request: { status: "approved" } });
    expect(jobs).toHaveLength(1);
    expect(await db.accountRequestStep.count({ where: { requestId: id } })).toBe(0);

    await runJobs();
    const row = await db.accountRequest.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "provisioned", vendingStatus: "done" });
    const accountId = row.accountId ?? "";
    expect(accountId).toMatch(/^\d{12}$/);
    expect(row.createAccountRequestId).toBe((await creationsNamed("checkout-prod"))[0]?.Id);

    expect(await parentOf(accountId)).toBe(org.ous.prod);
    const tags = (await orgs.send(new ListTagsForResourceCommand({ ResourceId: accountId }))).Tags;
    expect(Object.fromEntries((tags ?? []).map((t) => [t.Key, t.Value]))).toMatchObject({
      owner: "payments@corp.example",
      project: "checkout-prod",
      "cost-center": "CC-200",
      environment: "prod",
    });
    const budgets = await db.budget.findMany({
      where: { scopeType: "account", scopeId: accountId },
      select: { monthlyAmount: true, source: true },
    });
    expect(budgets.map((b) => [b.monthlyAmount.toNumber(), b.source])).toEqual([[250, "orglens"]]);

    const view = await viewOf(id);
    expect(view?.vending?.steps.map((s) => [s.step, s.status])).toEqual([
      ["create_account", "ok"],
      ["wait_for_account", "ok"],
      ["move_account", "ok"],
      ["tag_account", "ok"],
      ["create_budget", "ok"],
    ]);
    expect(view?.vending?.steps[2]?.detail).toBe(`Moved from ${org.rootId} to ${org.ous.prod}`);
    expect(view?.vending).toMatchObject({ status: "done", failedStep: null });

    // Not compliant before OrgLens has audited the new account.
    expect(await syncAccountRequests(db)).toEqual({ provisioned: 0, compliant: 0 });
    vendedId = id;
    vendedAccount = accountId;
  });

  it("stops at a failed MoveAccount, shows the step, and a retry finishes without a second CreateAccount", async () => {
    let failMoves = 1;
    const proxy: ForwardingProxy = await startForwardingProxy(env.moto.endpoint, (req, _b, res) => {
      if (!String(req.headers["x-amz-target"] ?? "").endsWith(".MoveAccount") || !failMoves)
        return false;
      failMoves--;
      res.writeHead(400, { "content-type": "application/x-amz-json-1.1" }).end(
        JSON.stringify({
          __type: "ConcurrentModificationException",
          Message:
            "AWS Organizations can't complete your request because it conflicts with another attempt to modify the same entity.",
        }),
      );
      return true;
    });
    vi.stubEnv("AWS_ENDPOINT_URL", proxy.endpoint);
    try {
      const { id } = await approvedRequest("checkout-sandbox", org.ous.sandbox, null);
      await runJobs();
      const failed = await viewOf(id);
      expect(failed?.status).toBe("approved");
      expect(failed?.vending).toMatchObject({ status: "failed", failedStep: "move_account" });
      expect(failed?.vending?.steps.at(-1)?.detail).toContain("ConcurrentModificationException");
      // The requester (an analyst) learns which step failed, not AWS's text about OrgLens's access.
      const asRequester = (await listAccountRequests(db, analyst)).requests.find(
        (r) => r.id === id,
      );
      expect(asRequester?.vending?.failedStep).toBe("move_account");
      expect(asRequester?.vending?.steps.at(-1)?.detail).toBe(REDACTED_STEP_DETAIL);
      expect(JSON.stringify(asRequester)).not.toContain("ConcurrentModification");
      const accountId =
        (await db.accountRequest.findUniqueOrThrow({ where: { id } })).accountId ?? "";
      expect(await parentOf(accountId)).toBe(org.rootId);

      // Attack: an admin scoped to Workloads cannot retry a Sandbox request.
      const scoped = who("sam@corp.example", "admin", [org.ous.workloads]);
      await expect(retryAccountVending(db, scoped, id, schedule)).rejects.toMatchObject({
        status: 404,
      });
      expect(jobs).toHaveLength(0);

      await retryAccountVending(db, admin, id, schedule);
      await expect(retryAccountVending(db, admin, id, schedule)).rejects.toMatchObject({
        status: 409,
      });
      await runJobs();
      const done = await viewOf(id);
      expect(done).toMatchObject({ status: "provisioned", accountId });
      expect(done?.vending?.steps.map((s) => `${s.step}:${s.status}`)).toEqual([
        "create_account:ok",
        "wait_for_account:ok",
        "move_account:failed",
        "move_account:ok",
        "tag_account:ok",
        "create_budget:ok",
      ]);
      expect(done?.vending?.steps.at(-1)?.detail).toBe("No budget requested");
      expect(await creationsNamed("checkout-sandbox")).toHaveLength(1);
      expect(await parentOf(accountId)).toBe(org.ous.sandbox);
    } finally {
      vi.stubEnv("AWS_ENDPOINT_URL", env.moto.endpoint);
      await proxy.close();
    }
  });

  it("flags accounts created outside the process until linked to a request or marked known", async () => {
    const shadowA = await createAccount(orgs, "shadow-a");
    const shadowB = await createAccount(orgs, "shadow-b");
    await collect();
    // Neither the vended accounts, nor the accounts that predate OrgLens, nor the management account.
    expect(await openUnrequested()).toEqual([shadowA, shadowB].toSorted());
    const finding = await db.finding.findFirstOrThrow({
      where: { checkId: ORG_ACCOUNT_UNREQUESTED, accountId: shadowA },
    });
    expect(finding.message).toContain("created outside OrgLens");
    expect(finding.evidence).toMatchObject({
      createAccountRequestId: (await creationsNamed("shadow-a"))[0]?.Id,
    });
    // The vended account's first clean audit makes its request compliant.
    await syncAccountRequests(db);
    expect(await db.accountRequest.findUniqueOrThrow({ where: { id: vendedId } })).toMatchObject({
      status: "compliant",
      accountId: vendedAccount,
    });

    await saveRequestSettings(db, admin, {
      createAccounts: false,
      emailTemplate: "aws+{name}@corp.example",
      processSince: null,
    });
    const { id } = await approvedRequest("shadow-a", org.ous.prod, null);
    expect(jobs).toHaveLength(0);
    // Attack: an admin scoped to Sandbox cannot link a Prod request (nor see shadow-a at Root).
    const scoped = who("sam@corp.example", "admin", [org.ous.sandbox]);
    await expect(linkAccountToRequest(db, scoped, id, shadowA)).rejects.toMatchObject({
      status: 404,
    });
    expect(await openUnrequested()).toEqual([shadowA, shadowB].toSorted());

    expect(await linkAccountToRequest(db, admin, id, shadowA)).toMatchObject({
      resolvedFindings: 1,
    });
    expect(await db.accountRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "provisioned",
      accountId: shadowA,
    });
    await expect(linkAccountToRequest(db, admin, id, shadowB)).rejects.toMatchObject({
      status: 409,
    });
    await createKnownAccount(db, admin, { accountId: shadowB, name: "shadow-b", owner: "" });
    expect(await openUnrequested()).toEqual([]);
    expect(
      await db.auditEvent.count({ where: { action: "requests.link_account", target: id } }),
    ).toBe(1);

    // The next run agrees: neither finding reopens.
    await collect();
    expect(await openUnrequested()).toEqual([]);
  });
});
