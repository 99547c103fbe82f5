// Attacks by an OU-scoped admin: widening its own rights, touching org-wide settings, and acting on
// budgets, alert rules and account requests outside its OUs. Each attack has its look-alike that must work.
import { expect, request as newRequest, test, type APIRequestContext } from "@playwright/test";
import { e2eQuery } from "../../testing/e2e-db";
import { signInDemo } from "../support/auth";
import { SCOPED_CALLERS, scopedOuId, signInScoped } from "../support/scoped-callers";

// Each test signs in through the IdP and makes dozens of requests: generous on a loaded two-core machine.
test.describe.configure({ timeout: 120_000 });

const NO_UUID = "00000000-0000-4000-8000-000000000000";
const MANAGEMENT = "204517733186";
const errorOf = async (res: { json(): Promise<unknown> }) =>
  ((await res.json()) as { error?: string }).error ?? "";

async function demoAdmin(baseURL: string): Promise<APIRequestContext> {
  const ctx = await newRequest.newContext({ baseURL });
  await signInDemo(ctx, "admin");
  return ctx;
}

test("a scoped admin cannot make its own group an admin of the whole organization", async ({
  browser,
  baseURL,
}) => {
  const sam = await signInScoped(browser, baseURL ?? "", "scopedAdmin");
  const { group } = SCOPED_CALLERS.scopedAdmin;
  const attack = await sam.request.post("/api/settings/role-bindings", {
    data: { group, role: "admin", ouIds: [] },
  });
  expect(attack.status()).toBe(403);
  expect(await errorOf(attack)).toMatch(/only an admin without an OU scope/);
  const [binding] = await e2eQuery<{ role: string; ou_ids: string[] }>(
    `SELECT role, ou_ids FROM role_binding WHERE "group" = $1`,
    [group],
  );
  expect(binding).toEqual({ role: "admin", ou_ids: [await scopedOuId()] });
  // Still scoped on the next request: the audit trail stays closed to it.
  expect((await sam.request.get("/api/audit")).status()).toBe(403);

  // Nor can it read the bindings, remove someone's, or grant anything else.
  expect((await sam.request.get("/api/settings/role-bindings")).status()).toBe(403);
  const [buLead] = await e2eQuery<{ id: string }>(
    `SELECT id FROM role_binding WHERE "group" = 'orglens-demo-bu-lead'`,
  );
  expect(
    (await sam.request.delete(`/api/settings/role-bindings/${buLead?.id ?? NO_UUID}`)).status(),
  ).toBe(403);
  expect(
    (
      await sam.request.post("/api/settings/role-bindings", {
        data: { group: "sam-friends", role: "viewer", ouIds: [await scopedOuId()] },
      })
    ).status(),
  ).toBe(403);
  expect(await e2eQuery(`SELECT 1 FROM role_binding WHERE "group" = 'sam-friends'`)).toHaveLength(
    0,
  );
  await sam.close();

  // Look-alike: an admin of the whole organization maps a group.
  const admin = await demoAdmin(baseURL ?? "");
  const saved = await admin.post("/api/settings/role-bindings", {
    data: { group: "escalation-look-alike", role: "viewer", ouIds: [] },
  });
  expect(saved.status()).toBe(200);
  const { id } = (await saved.json()) as { id: string };
  expect((await admin.delete(`/api/settings/role-bindings/${id}`)).status()).toBe(200);
  await admin.dispose();
});

test("a scoped admin is refused org-wide settings with a clear message", async ({
  browser,
  baseURL,
}) => {
  const sam = await signInScoped(browser, baseURL ?? "", "scopedAdmin");
  const attempts = [
    sam.request.post("/api/v1/alerts/channels", {
      data: {
        name: "exfil",
        type: "webhook",
        enabled: false,
        config: { url: "https://hooks.example.com/x", secret: "s3cret-s3cret-s3cret" },
      },
    }),
    sam.request.delete(`/api/v1/alerts/channels/${NO_UUID}`),
    sam.request.post(`/api/v1/alerts/channels/${NO_UUID}/test`),
    sam.request.get("/api/v1/requests/settings"),
    sam.request.put("/api/v1/requests/settings", {
      data: { createAccounts: true, emailTemplate: "attacker+{name}@evil.example" },
    }),
    sam.request.get("/api/audit"),
  ];
  for (const res of await Promise.all(attempts)) {
    expect(res.status(), res.url()).toBe(403);
    expect(await errorOf(res)).toMatch(/whole organization/);
  }
  expect(await e2eQuery(`SELECT 1 FROM alert_channel WHERE name = 'exfil'`)).toHaveLength(0);
  expect(
    await e2eQuery(
      `SELECT 1 FROM setting WHERE key = 'accountRequests' AND value::text LIKE '%evil.example%'`,
    ),
  ).toHaveLength(0);
  await sam.close();
});

test("a scoped admin manages budgets and alert rules inside its OUs only", async ({
  browser,
  baseURL,
}) => {
  const sam = await signInScoped(browser, baseURL ?? "", "scopedAdmin");
  const ou = await scopedOuId();
  // Out of scope: the management account is "not found"; a cost center spans OUs and is refused.
  const outside = await sam.request.post("/api/v1/budgets", {
    data: { name: "Not mine", scopeType: "account", scopeId: MANAGEMENT, monthlyAmount: 10 },
  });
  expect(outside.status()).toBe(404);
  const [center] = await e2eQuery<{ cost_center: string }>(
    `SELECT cost_center FROM account WHERE cost_center IS NOT NULL LIMIT 1`,
  );
  const byCenter = await sam.request.post("/api/v1/budgets", {
    data: {
      name: "Center",
      scopeType: "costCenter",
      scopeId: center?.cost_center ?? "CC",
      monthlyAmount: 10,
    },
  });
  expect(byCenter.status()).toBe(403);
  // An existing budget of another part of the organization cannot be edited or deleted either.
  const admin = await demoAdmin(baseURL ?? "");
  const foreign = await admin.post("/api/v1/budgets", {
    data: {
      name: "Management guard",
      scopeType: "account",
      scopeId: MANAGEMENT,
      monthlyAmount: 100,
    },
  });
  expect(foreign.status()).toBe(200);
  const { id: foreignId } = (await foreign.json()) as { id: string };
  expect(
    (
      await sam.request.patch(`/api/v1/budgets/${foreignId}`, {
        data: { name: "Mine now", scopeType: "ou", scopeId: ou, monthlyAmount: 1 },
      })
    ).status(),
  ).toBe(404);
  expect((await sam.request.delete(`/api/v1/budgets/${foreignId}`)).status()).toBe(404);
  const [kept] = await e2eQuery<{ name: string }>(`SELECT name FROM budget WHERE id = $1`, [
    foreignId,
  ]);
  expect(kept?.name).toBe("Management guard");
  expect((await admin.delete(`/api/v1/budgets/${foreignId}`)).status()).toBe(200);
  await admin.dispose();

  // Look-alike: a budget on its own OU is created, edited and deleted.
  const own = await sam.request.post("/api/v1/budgets", {
    data: { name: "BU budget", scopeType: "ou", scopeId: ou, monthlyAmount: 1000 },
  });
  expect(own.status()).toBe(200);
  const { id } = (await own.json()) as { id: string };
  expect(
    (
      await sam.request.patch(`/api/v1/budgets/${id}`, {
        data: { name: "BU budget", scopeType: "ou", scopeId: ou, monthlyAmount: 1200 },
      })
    ).status(),
  ).toBe(200);
  expect((await sam.request.delete(`/api/v1/budgets/${id}`)).status()).toBe(200);

  // Alert rules: one without OUs alerts on the whole organization (403); one on its OU gets past the
  // scope check and only then finds no such channel (404).
  const orgWideRule = await sam.request.post("/api/v1/alerts/rules", {
    data: { channelId: NO_UUID, name: "all", ouIds: [] },
  });
  expect(orgWideRule.status()).toBe(403);
  expect(await errorOf(orgWideRule)).toMatch(/inside their scope/);
  const [sandbox] = await e2eQuery<{ id: string }>(
    `SELECT id FROM org_unit WHERE path LIKE '%/Sandbox' LIMIT 1`,
  );
  expect(
    (
      await sam.request.post("/api/v1/alerts/rules", {
        data: { channelId: NO_UUID, name: "sandbox", ouIds: [sandbox?.id ?? "x"] },
      })
    ).status(),
  ).toBe(403);
  expect(
    (
      await sam.request.post("/api/v1/alerts/rules", {
        data: { channelId: NO_UUID, name: "mine", ouIds: [ou] },
      })
    ).status(),
  ).toBe(404);
  await sam.close();
});

test("a scoped admin decides account requests for its OUs only", async ({ browser, baseURL }) => {
  const analyst = await newRequest.newContext({ baseURL });
  await signInDemo(analyst, "analyst");
  const ou = await scopedOuId();
  const [sandbox] = await e2eQuery<{ id: string }>(
    `SELECT id FROM org_unit WHERE path LIKE '%/Sandbox' LIMIT 1`,
  );
  const file = async (name: string, targetOuId: string) => {
    const res = await analyst.post("/api/v1/requests", {
      data: {
        name,
        purpose: "security spec",
        environment: "dev",
        targetOuId,
        owner: "owner@corp.example",
        costCenter: "CC-1",
      },
    });
    expect(res.status()).toBe(200);
    return ((await res.json()) as { id: string }).id;
  };
  const foreign = await file("Escalation Sandbox", sandbox?.id ?? "");
  const mine = await file("Escalation BU", ou);
  await analyst.dispose();

  const sam = await signInScoped(browser, baseURL ?? "", "scopedAdmin");
  const listed = (
    (await (await sam.request.get("/api/v1/requests")).json()) as { requests: { id: string }[] }
  ).requests.map((r) => r.id);
  expect(listed).toContain(mine);
  expect(listed).not.toContain(foreign);
  expect(
    (
      await sam.request.post(`/api/v1/requests/${foreign}/decision`, {
        data: { decision: "approve" },
      })
    ).status(),
  ).toBe(404);
  const [still] = await e2eQuery<{ status: string }>(
    `SELECT status FROM account_request WHERE id = $1`,
    [foreign],
  );
  expect(still?.status).toBe("requested");
  // Look-alike: the request for its own OU is decided.
  expect(
    (
      await sam.request.post(`/api/v1/requests/${mine}/decision`, {
        data: { decision: "reject", note: "spec" },
      })
    ).status(),
  ).toBe(200);
  await sam.close();
});
