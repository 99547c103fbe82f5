import { expect, test } from "@playwright/test";
import { e2eQuery } from "../lib/testing/e2e-db";
import { saveScreenshot } from "../lib/testing/e2e-screenshot";
import { formatMoney } from "../lib/format/money";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { signInAs } from "./support/sign-in-ui";

test("the overview shows the organization's account count and last month's spend as stored", async ({ page }) => {
  await signInAs(page, "analyst");
  const [accounts] = await e2eQuery<{ total: string; active: string }>(
    "SELECT count(*)::text AS total, count(*) FILTER (WHERE status = 'ACTIVE')::text AS active FROM account WHERE removed_at IS NULL",
  );
  const [spend] = await e2eQuery<{ total: string }>(
    "SELECT coalesce(sum(unblended), 0)::text AS total FROM cost_monthly WHERE month = (date_trunc('month', now() AT TIME ZONE 'UTC') - interval '1 month')::date",
  );
  expect(Number(accounts?.total)).toBeGreaterThan(50);
  await expect(page.getByTestId("stat-accounts")).toHaveText(Number(accounts?.total).toLocaleString("en-US"));
  await expect(page.getByText(`${Number(accounts?.active).toLocaleString("en-US")} active`)).toBeVisible();
  await expect(page.getByTestId("stat-last-month-spend")).toHaveText(formatMoney(spend?.total ?? "0"));
  await expect(page.getByRole("img", { name: /Monthly spend/ })).toBeVisible();
  await saveScreenshot(page, "overview");
  await expectNoSeriousA11yViolations(page);
  await page.evaluate(() => document.documentElement.classList.add("dark"));
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, "overview-dark");
});

test("an OU-scoped user's overview counts only the accounts and spend under their OUs", async ({ page }) => {
  await signInAs(page, "scoped");
  const [scoped] = await e2eQuery<{ total: string; spend: string }>(`
    WITH scope AS (SELECT ou_ids FROM role_binding WHERE "group" = 'orglens-demo-bu-lead'),
         accts AS (SELECT a.id FROM account a JOIN org_unit o ON o.id = a.ou_id, scope WHERE o.path_ids && scope.ou_ids AND a.removed_at IS NULL)
    SELECT (SELECT count(*) FROM accts)::text AS total,
           (SELECT coalesce(sum(unblended), 0) FROM cost_monthly WHERE account_id IN (SELECT id FROM accts)
              AND month = (date_trunc('month', now() AT TIME ZONE 'UTC') - interval '1 month')::date)::text AS spend`);
  const [all] = await e2eQuery<{ total: string }>("SELECT count(*)::text AS total FROM account WHERE removed_at IS NULL");
  expect(Number(scoped?.total)).toBeGreaterThan(0);
  expect(Number(scoped?.total)).toBeLessThan(Number(all?.total));
  await expect(page.getByTestId("stat-accounts")).toHaveText(Number(scoped?.total).toLocaleString("en-US"));
  await expect(page.getByTestId("stat-last-month-spend")).toHaveText(formatMoney(scoped?.spend ?? "0"));
  await expect(page.getByTestId("user-role")).toHaveText("viewer · scoped");
});
