import { expect, test } from "@playwright/test";
import { formatMoney } from "../lib/format/money";
import { e2eQuery } from "../testing/e2e-db";
import { saveScreenshot } from "../testing/e2e-screenshot";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { restoreSession } from "./support/auth";

const MONTH_SPEND = `
  SELECT account_id, sum(unblended)::text AS mtd FROM cost_daily
  WHERE day >= date_trunc('month', now() AT TIME ZONE 'UTC')::date GROUP BY account_id`;

test.describe.configure({ timeout: 120_000 });

test("an admin defines an account budget; the page shows its month-to-date actual as stored, with a burn-down chart", async ({
  page,
}) => {
  const [top] = await e2eQuery<{ account_id: string; mtd: string }>(
    `${MONTH_SPEND} ORDER BY sum(unblended) DESC LIMIT 1`,
  );
  expect(top).toBeDefined();
  const accountId = top?.account_id ?? "";
  const amount = Math.max(100, Math.round(Number(top?.mtd) * 1.5));
  const name = `e2e budget ${Date.now()}`;

  await restoreSession(page, "admin");
  await page.goto("/budgets");
  await expect(page.getByRole("heading", { name: "Budgets", level: 1 })).toBeVisible();
  const form = page.getByRole("form", { name: "Define a monthly budget" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Applies to").selectOption("account");
  // The label's accessible name includes the selected option, so pick the select by its field name.
  await form.locator('select[name="scopeId"]').selectOption(accountId);
  await form.getByLabel("Monthly amount (USD)").fill(String(amount));
  await form.getByRole("button", { name: "Save budget" }).click();

  const card = page.getByRole("article", { name: `Budget ${name}` });
  await expect(card).toBeVisible();
  await expect(card.getByTestId("budget-amount")).toHaveText(formatMoney(amount));
  await expect(card.getByTestId("budget-actual")).toHaveText(
    formatMoney(Math.round(Number(top?.mtd) * 100) / 100),
  );
  await expect(card.getByRole("img", { name: /Cumulative spend of/ })).toBeVisible();
  await expect(card.locator(".recharts-line").first()).toBeVisible();
  const [row] = await e2eQuery<{ monthly_amount: string; scope_id: string }>(
    "SELECT monthly_amount::text, scope_id FROM budget WHERE name = $1",
    [name],
  );
  expect(row).toEqual({ monthly_amount: amount.toFixed(2), scope_id: accountId });

  // Import the collected AWS Budgets; each then shows as an OrgLens budget.
  const [aws] = await e2eQuery<{ n: string }>(
    "SELECT count(*)::text AS n FROM aws_budget WHERE time_unit = 'MONTHLY'",
  );
  await page.getByRole("button", { name: "Import AWS Budgets" }).click();
  await expect(page.getByRole("status").filter({ hasText: "imported" })).toBeVisible();
  const [imported] = await e2eQuery<{ n: string }>(
    "SELECT count(*)::text AS n FROM budget WHERE source = 'aws'",
  );
  expect(imported?.n).toBe(aws?.n);

  await card.scrollIntoViewIfNeeded();
  await saveScreenshot(page, "budgets");
  await expectNoSeriousA11yViolations(page);
});

test("analysts see budgets without the editing form; viewers cannot open the page", async ({
  page,
}) => {
  await restoreSession(page, "analyst");
  await page.goto("/budgets");
  await expect(page.getByRole("heading", { name: "Budgets", level: 1 })).toBeVisible();
  await expect(page.getByRole("form", { name: "Define a monthly budget" })).toHaveCount(0);
  await restoreSession(page, "viewer");
  const res = await page.goto("/budgets");
  expect(res?.status()).toBe(403);
});
