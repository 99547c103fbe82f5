import { expect, request as newRequest, test } from "@playwright/test";
import { e2eQuery } from "../testing/e2e-db";
import { saveScreenshot } from "../testing/e2e-screenshot";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { restoreSession } from "./support/auth";

test("an analyst creates a read-only API token, uses it on the versioned API, and revokes it", async ({
  page,
  baseURL,
}) => {
  await restoreSession(page, "analyst");
  await page.goto("/settings");
  await page.getByLabel("Name").fill("BI refresh");
  await page.getByLabel("Expires in (days)").fill("30");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^olp_/);
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, "settings-tokens");

  // Stored hashed: the secret itself is nowhere in the database.
  const stored = await e2eQuery<{ n: string }>(
    "SELECT count(*)::text AS n FROM api_token WHERE token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex') AND role = 'analyst'",
    [secret],
  );
  expect(stored[0]?.n).toBe("1");

  const api = await newRequest.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${secret}` },
  });
  const overview = await api.get("/api/v1/overview");
  expect(overview.status()).toBe(200);
  expect(
    ((await overview.json()) as { accounts: { total: number } }).accounts.total,
  ).toBeGreaterThan(0);
  expect((await api.post("/api/tokens", { data: { name: "from a token" } })).status()).toBe(403);

  const row = page.getByRole("row", { name: /BI refresh/ });
  await row.getByRole("button", { name: "Revoke token BI refresh" }).click();
  await expect(row.getByText("revoked")).toBeVisible();
  expect((await api.get("/api/v1/overview")).status()).toBe(401);
  await api.dispose();
});

test("an admin maps an IdP group to a scoped role, and the audit trail records it", async ({
  page,
}) => {
  await restoreSession(page, "admin");
  await page.goto("/settings/access");
  const [ou] = await e2eQuery<{ id: string; path: string }>(
    "SELECT id, path FROM org_unit WHERE path LIKE '%/Sandbox' LIMIT 1",
  );
  // The form's fields by their labels (the mappings table's region is named "Group to role mappings").
  const form = page
    .locator("form")
    .filter({ has: page.getByRole("button", { name: "Save mapping" }) });
  await form.getByLabel(/^Group/).fill("e2e-sandbox-leads");
  await form.getByLabel(/^Role/).selectOption("viewer");
  await form.getByLabel(/OU scope/).selectOption([ou?.id ?? ""]);
  await form.getByRole("button", { name: "Save mapping" }).click();
  const row = page.getByRole("row", { name: /e2e-sandbox-leads/ });
  await expect(row).toContainText(ou?.path ?? "");
  const [binding] = await e2eQuery<{ role: string; ou_ids: string[] }>(
    `SELECT role, ou_ids FROM role_binding WHERE "group" = 'e2e-sandbox-leads'`,
  );
  expect(binding).toEqual({ role: "viewer", ou_ids: [ou?.id] });
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, "settings-access");

  await page.goto("/settings/audit");
  await expect(
    page.getByTestId("audit-row").filter({ hasText: "settings.role_binding.save" }).first(),
  ).toContainText("e2e-sandbox-leads");
  await expect(
    page.getByTestId("audit-row").filter({ hasText: "auth.sign_in" }).first(),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, "settings-audit");

  await page.goto("/settings/access");
  await page.getByRole("button", { name: "Remove mapping for e2e-sandbox-leads" }).click();
  await expect(page.getByRole("row", { name: /e2e-sandbox-leads/ })).toHaveCount(0);
});

test("viewers manage their own tokens but cannot open access or audit settings", async ({
  page,
}) => {
  await restoreSession(page, "viewer");
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Create a personal access token" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Access" })).toHaveCount(0);
  for (const path of ["/settings/access", "/settings/audit"]) {
    const res = await page.goto(path);
    expect(res?.status()).toBe(403);
    await expect(
      page.getByRole("heading", { name: "You do not have access to this page" }),
    ).toBeVisible();
  }
});
