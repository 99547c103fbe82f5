import { expect, test } from "@playwright/test";
import { e2eQuery } from "../testing/e2e-db";
import { saveScreenshot } from "../testing/e2e-screenshot";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from "../lib/alerts/sign";
import { startWebhookReceiver, type WebhookReceiver } from "../testing/alerts/receivers";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { restoreSession } from "./support/auth";

const SECRET = "e2e-signing-secret";
let hook: WebhookReceiver;

test.beforeAll(async () => {
  hook = await startWebhookReceiver();
});
test.afterAll(async () => {
  await hook?.close();
});

test("analysts cannot open the alert settings", async ({ page }) => {
  await restoreSession(page, "analyst");
  const res = await page.goto("/settings/alerts");
  expect(res?.status()).toBe(403);
});

test.describe.configure({ timeout: 120_000 });

test("an admin adds a signed webhook channel and a rule, sends a test, and sees the delivery logged", async ({
  page,
}) => {
  await restoreSession(page, "admin");
  await page.goto("/settings/alerts");
  await expect(page.getByRole("heading", { name: "Add a channel" })).toBeVisible();

  const name = `siem-${Date.now()}`;
  const form = page.getByRole("form", { name: "Add a channel" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Type").selectOption("webhook");
  await form.getByLabel("Webhook URL").fill(hook.url("/e2e"));
  await form.getByLabel(/Signing secret/).fill(SECRET);
  await form.getByRole("button", { name: "Add channel" }).click();
  await expect(page.getByRole("heading", { name: new RegExp(name) })).toBeVisible();

  // The secret never comes back from the API.
  const api = await page.request.get("/api/v1/alerts");
  const text = await api.text();
  expect(text).toContain(name);
  expect(text).not.toContain(SECRET);

  const ruleForm = page.getByRole("form", { name: `Add a rule to ${name}` });
  await ruleForm.getByLabel("Rule name").fill("critical anywhere");
  await ruleForm.getByLabel("Severities").selectOption(["critical"]);
  await ruleForm.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByText("critical anywhere: severity critical")).toBeVisible();

  await page.getByRole("button", { name: `Send test to ${name}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Test sent" })).toBeVisible();
  const got = hook.received.filter((r) => r.path === "/e2e");
  expect(got).toHaveLength(1);
  const h = got[0];
  expect(
    h &&
      verifySignature(
        SECRET,
        String(h.headers[TIMESTAMP_HEADER.toLowerCase()]),
        h.body,
        String(h.headers[SIGNATURE_HEADER.toLowerCase()]),
      ),
  ).toBe(true);

  const table = page.getByRole("table", { name: "Recent deliveries" });
  await expect(table.getByRole("row").filter({ hasText: name }).first()).toContainText("sent");
  const [row] = await e2eQuery<{ status: string; attempts: number }>(
    "SELECT d.status, d.attempts FROM alert_delivery d JOIN alert_channel c ON c.id = d.channel_id WHERE c.name = $1",
    [name],
  );
  expect(row).toEqual({ status: "sent", attempts: 1 });
  await saveScreenshot(page, "settings-alerts");
  await expectNoSeriousA11yViolations(page);
});

test("an admin adds a cost-anomaly rule with its minimum impact in USD and %, after the server names the missing field", async ({
  page,
}) => {
  await restoreSession(page, "admin");
  await page.goto("/settings/alerts");
  const name = `anomaly-hook-${Date.now()}`;
  const form = page.getByRole("form", { name: "Add a channel" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Type").selectOption("webhook");
  await form.getByLabel("Webhook URL").fill(hook.url("/anomalies"));
  await form.getByLabel(/Signing secret/).fill(SECRET);
  await form.getByRole("button", { name: "Add channel" }).click();
  await expect(page.getByRole("heading", { name: new RegExp(name) })).toBeVisible();

  const ruleForm = page.getByRole("form", { name: `Add a rule to ${name}` });
  await ruleForm.getByLabel("Rule name").fill("big spend jumps");
  await ruleForm.getByLabel("Cost anomalies").check();
  await expect(ruleForm.getByLabel("Severities")).toHaveCount(0);
  // No minimum impact: the server refuses, and says so next to the field.
  await ruleForm.getByRole("button", { name: "Add rule" }).click();
  const impact = ruleForm.getByLabel("Minimum impact (USD)");
  await expect(impact).toHaveAttribute("aria-invalid", "true");
  await expect(ruleForm.getByText("An anomaly rule needs a minimum impact in USD")).toHaveCount(2);
  await impact.fill("250");
  await ruleForm.getByLabel("Minimum above expected (%)").fill("15");
  await ruleForm.getByRole("button", { name: "Add rule" }).click();
  await expect(
    page.getByText("big spend jumps: cost anomalies with impact ≥ $250.00; ≥ 15% above expected"),
  ).toBeVisible();

  const rows = await e2eQuery<{ target: string; usd: string; pct: number; checks: string[] }>(
    `SELECT r.target, r.anomaly_min_impact_usd::text AS usd, r.anomaly_min_percent AS pct, r.check_ids AS checks
     FROM alert_rule r JOIN alert_channel c ON c.id = r.channel_id WHERE c.name = $1`,
    [name],
  );
  expect(rows).toEqual([{ target: "anomalies", usd: "250.00", pct: 15, checks: [] }]);
  await expectNoSeriousA11yViolations(page);
});
