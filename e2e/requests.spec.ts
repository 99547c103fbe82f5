import { expect, test } from "@playwright/test";
import { e2eQuery } from "../testing/e2e-db";
import { saveScreenshot } from "../testing/e2e-screenshot";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { restoreSession } from "./support/auth";

test.describe.configure({ timeout: 120_000 });

test("request as analyst → approve as admin → the account appears → compliant", async ({
  page,
}) => {
  const name = `e2e-req-${Date.now()}`;
  await restoreSession(page, "analyst");
  await page.goto("/requests");
  const form = page.getByRole("form", { name: "Request a new AWS account" });
  await form.getByLabel("Account name").fill(name);
  await form.getByLabel("Environment").selectOption("test");
  await form.getByLabel("Owner (email)").fill("owner@example.com");
  await form.getByLabel("Cost center").fill("CC-E2E");
  await form.getByLabel("Monthly budget (USD, optional)").fill("1500");
  await form.getByLabel("Purpose").fill("End-to-end test of the request process");
  await form.getByRole("button", { name: "Submit request" }).click();
  const card = page.getByRole("article", { name: `Request ${name}` });
  await expect(card.getByTestId("request-status")).toHaveText("requested");
  await expectNoSeriousA11yViolations(page);

  // Requesters see only their own requests.
  await restoreSession(page, "viewer");
  await page.goto("/requests");
  await expect(page.getByRole("heading", { name: "Account requests" })).toBeVisible();
  await expect(page.getByRole("article", { name: `Request ${name}` })).toHaveCount(0);

  await restoreSession(page, "admin");
  await page.goto("/requests");
  await card.getByLabel("Comment").fill("ok for QA");
  await card.getByRole("button", { name: "Approve" }).click();
  await expect(card.getByTestId("request-status")).toHaveText("approved");
  await expect(card.getByRole("list", { name: "Timeline" })).toContainText("admin");

  // The collector sees the account appear: a successful account creation of that name for a clean,
  // audited demo account (no open high or critical finding).
  const [clean] = await e2eQuery<{ id: string }>(`
    SELECT a.id FROM account a WHERE a.audit_status = 'audited' AND a.removed_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM finding f WHERE f.account_id = a.id AND f.status = 'open' AND f.severity IN ('high', 'critical'))
      AND NOT EXISTS (SELECT 1 FROM account_request r WHERE r.account_id = a.id)
    ORDER BY a.id LIMIT 1`);
  expect(clean).toBeDefined();
  await e2eQuery(
    "INSERT INTO account_creation (id, account_name, account_id, state, requested_at, completed_at) VALUES ($1, $2, $3, 'SUCCEEDED', now(), now())",
    [`car-${name}`, name, clean?.id],
  );
  await page.getByRole("button", { name: "Check for new accounts" }).click();
  await expect(page.getByRole("status").filter({ hasText: "provisioned" })).toBeVisible();
  await expect(card.getByTestId("request-status")).toHaveText("compliant");
  await expect(card).toContainText(`account ${clean?.id}`);
  const timeline = card.getByRole("list", { name: "Timeline" });
  for (const s of ["requested", "approved", "provisioned", "compliant"])
    await expect(timeline).toContainText(new RegExp(s, "i"));

  const [row] = await e2eQuery<{
    status: string;
    account_id: string;
    decided_by: string;
    ok: boolean;
  }>(
    "SELECT status, account_id, decided_by, (requested_at <= decided_at AND decided_at <= provisioned_at AND provisioned_at <= compliant_at) AS ok FROM account_request WHERE name = $1",
    [name],
  );
  expect(row).toMatchObject({ status: "compliant", account_id: clean?.id, ok: true });
  await card.scrollIntoViewIfNeeded();
  await saveScreenshot(page, "requests");
  await expectNoSeriousA11yViolations(page);
});

test("an admin rejects a request with a comment", async ({ page }) => {
  const name = `e2e-rej-${Date.now()}`;
  await restoreSession(page, "admin");
  await page.goto("/requests");
  const form = page.getByRole("form", { name: "Request a new AWS account" });
  await form.getByLabel("Account name").fill(name);
  await form.getByLabel("Owner (email)").fill("owner@example.com");
  await form.getByLabel("Cost center").fill("CC-E2E");
  await form.getByLabel("Purpose").fill("Will be rejected");
  await form.getByRole("button", { name: "Submit request" }).click();
  const card = page.getByRole("article", { name: `Request ${name}` });
  await card.getByRole("button", { name: "Reject" }).click();
  await expect(card.getByRole("alert")).toContainText("comment");
  await card.getByLabel("Comment").fill("use the shared sandbox");
  await card.getByRole("button", { name: "Reject" }).click();
  await expect(card.getByTestId("request-status")).toHaveText("rejected");
  await expect(card.getByRole("list", { name: "Timeline" })).toContainText(
    "use the shared sandbox",
  );
});
