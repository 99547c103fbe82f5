// API tokens never outlive their creator's rights: each request re-resolves the creator's groups
// against today's role bindings. Admins of the whole organization see and revoke everyone's tokens.
import { expect, request as newRequest, test, type APIRequestContext } from "@playwright/test";
import { e2eQuery } from "../../testing/e2e-db";
import { signInDemo } from "../support/auth";
import { signInAs } from "../support/sign-in-ui";
import { bindScopedCaller, SCOPED_CALLERS, signInScoped } from "../support/scoped-callers";

// Each test signs in through the IdP and makes dozens of requests: generous on a loaded two-core machine.
test.describe.configure({ timeout: 120_000 });

interface TokenRow {
  id: string;
  name: string;
  ownerEmail: string;
  lastUsedAt: string | null;
}

async function demo(baseURL: string, role: "admin" | "analyst"): Promise<APIRequestContext> {
  const ctx = await newRequest.newContext({ baseURL });
  await signInDemo(ctx, role);
  return ctx;
}

const listTokens = async (ctx: APIRequestContext) =>
  (await (await ctx.get("/api/tokens")).json()) as { everyone: boolean; tokens: TokenRow[] };

test.afterAll(async () => {
  await bindScopedCaller("scopedAnalyst");
});

test("a demoted, narrowed or removed creator takes their token's rights with them", async ({
  browser,
  baseURL,
}) => {
  const sue = await signInScoped(browser, baseURL ?? "", "scopedAnalyst");
  const created = await sue.request.post("/api/tokens", {
    data: { name: "Sue's BI", expiresInDays: 30 },
  });
  expect(created.status()).toBe(200);
  const { id, secret } = (await created.json()) as { id: string; secret: string };
  await sue.close();
  const token = await newRequest.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${secret}` },
  });
  expect((await token.get("/api/v1/accounts?limit=5")).status()).toBe(200);

  // Demoted to viewer: the token keeps dashboards, loses detail reads at once.
  await bindScopedCaller("scopedAnalyst", { role: "viewer" });
  expect((await token.get("/api/v1/accounts?limit=5")).status()).toBe(403);
  expect((await token.get("/api/v1/overview")).status()).toBe(200);

  // Moved to an OU that does not overlap the token's: nothing is left, the token is dead.
  const [sandbox] = await e2eQuery<{ id: string }>(
    `SELECT id FROM org_unit WHERE path LIKE '%/Sandbox' LIMIT 1`,
  );
  await bindScopedCaller("scopedAnalyst", { ouIds: [sandbox?.id ?? ""] });
  expect((await token.get("/api/v1/overview")).status()).toBe(401);

  // No role at all: dead.
  await e2eQuery(`DELETE FROM role_binding WHERE "group" = $1`, [
    SCOPED_CALLERS.scopedAnalyst.group,
  ]);
  expect((await token.get("/api/v1/overview")).status()).toBe(401);

  // Look-alike: rights restored, the same token works again (it was never revoked, only limited).
  await bindScopedCaller("scopedAnalyst");
  expect((await token.get("/api/v1/accounts?limit=5")).status()).toBe(200);

  // An admin of the whole organization sees it with its owner and last use, and revokes it.
  const admin = await demo(baseURL ?? "", "admin");
  const all = await listTokens(admin);
  expect(all.everyone).toBe(true);
  const row = all.tokens.find((t) => t.id === id);
  expect(row).toMatchObject({ name: "Sue's BI", ownerEmail: SCOPED_CALLERS.scopedAnalyst.login });
  expect(row?.lastUsedAt).not.toBeNull();
  expect((await admin.delete(`/api/tokens/${id}`)).status()).toBe(200);
  expect((await token.get("/api/v1/overview")).status()).toBe(401);
  await admin.dispose();
  await token.dispose();
});

test("only an admin of the whole organization lists and revokes other people's tokens", async ({
  browser,
  baseURL,
}) => {
  const analyst = await demo(baseURL ?? "", "analyst");
  const created = await analyst.post("/api/tokens", {
    data: { name: "Fred's export", expiresInDays: 7 },
  });
  const { id } = (await created.json()) as { id: string };

  // A scoped admin and another user see only their own tokens, and someone else's is "not found".
  const sam = await signInScoped(browser, baseURL ?? "", "scopedAdmin");
  const samList = await listTokens(sam.request);
  expect(samList.everyone).toBe(false);
  expect(samList.tokens.map((t) => t.id)).not.toContain(id);
  expect((await sam.request.delete(`/api/tokens/${id}`)).status()).toBe(404);
  await sam.close();
  expect((await listTokens(analyst)).tokens.map((t) => t.id)).toContain(id);
  const [stillActive] = await e2eQuery<{ revoked_at: string | null }>(
    `SELECT revoked_at FROM api_token WHERE id = $1`,
    [id],
  );
  expect(stillActive?.revoked_at).toBeNull();
  await analyst.dispose();
});

test("Settings → API tokens shows an admin every user's tokens with owner and last use", async ({
  page,
}) => {
  await signInAs(page, "admin");
  await page.goto("/settings");
  await expect(page.getByText("All users' tokens")).toBeVisible();
  const row = page.getByRole("row", { name: /Fred's export/ });
  await expect(row).toContainText("analyst@demo.orglens");
  await row
    .getByRole("button", { name: "Revoke token Fred's export of analyst@demo.orglens" })
    .click();
  await expect(row.getByText("revoked")).toBeVisible();
});
