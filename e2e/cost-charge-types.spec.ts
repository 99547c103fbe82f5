// Showback by charge type (Cost Explorer's RECORD_TYPE) and by region on the demo organization:
// every figure shown is checked against the stored facts (cost_by_dimension), read independently.
import { expect, test } from "@playwright/test";
import { formatMoney } from "../lib/format/money";
import { e2eQuery } from "../testing/e2e-db";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { CostsPage } from "./pages/costs-page";
import { restoreSession } from "./support/auth";

test.describe.configure({ timeout: 120_000 });

const WINDOW = `month BETWEEN (date_trunc('month', now() AT TIME ZONE 'UTC') - interval '12 months')::date
                 AND date_trunc('month', now() AT TIME ZONE 'UTC')::date`;

async function totalsBy(dimension: string, extra = "", params: unknown[] = []) {
  const rows = await e2eQuery<{ value: string; total: string }>(
    `SELECT value, sum(unblended)::text AS total FROM cost_by_dimension
     WHERE dimension = $1 AND ${WINDOW} ${extra} GROUP BY value ORDER BY sum(unblended) DESC`,
    [dimension, ...params],
  );
  return new Map(rows.map((r) => [r.value, r.total]));
}

async function grandTotal(dimension: string, extra = "", params: unknown[] = []) {
  const [row] = await e2eQuery<{ total: string }>(
    `SELECT coalesce(sum(unblended), 0)::text AS total FROM cost_by_dimension WHERE dimension = $1 AND ${WINDOW} ${extra}`,
    [dimension, ...params],
  );
  return row?.total ?? "0";
}

test("an analyst sees spend by charge type, credits and tax apart from usage, and drills into the credits", async ({
  page,
}) => {
  await restoreSession(page, "analyst");
  const costs = new CostsPage(page);
  await costs.open();
  await costs.groupBy.selectOption("charge-type");
  await expect(page).toHaveURL(/groupBy=charge-type/);

  const byType = await totalsBy("RECORD_TYPE");
  for (const t of ["Usage", "Credit", "Tax", "Support", "SavingsPlanRecurringFee", "RIFee"])
    expect(byType.has(t), t).toBe(true);
  await expect(costs.grandTotal).toHaveText(formatMoney(await grandTotal("RECORD_TYPE")));
  for (const t of ["Usage", "Credit", "Tax", "SavingsPlanRecurringFee"])
    await expect(costs.rowTotal(t)).toHaveText(formatMoney(byType.get(t) ?? "0"));
  expect(Number(byType.get("Credit"))).toBeLessThan(0);
  // Tags, charge types and regions are monthly facts: no daily view of them.
  await expect(page.getByRole("button", { name: "Daily" })).toBeDisabled();
  await expectNoSeriousA11yViolations(page);

  // Drill into the credits: the accounts that received them, with the same total.
  await page
    .locator('[data-testid="cost-table"] tr[data-row-id="Credit"]')
    .getByRole("link")
    .click();
  await expect(page).toHaveURL(/chargeType=Credit/);
  await expect(page).toHaveURL(/groupBy=account/);
  await expect(page.getByText("Charge type Credit")).toBeVisible();
  await expect(costs.grandTotal).toHaveText(formatMoney(byType.get("Credit") ?? "0"));
  const [topCredit] = await e2eQuery<{ account_id: string; total: string }>(
    `SELECT account_id, sum(unblended)::text AS total FROM cost_by_dimension
     WHERE dimension = 'RECORD_TYPE' AND value = 'Credit' AND ${WINDOW}
     GROUP BY 1 ORDER BY sum(unblended) DESC LIMIT 1`,
  );
  await expect(costs.rowTotal(topCredit?.account_id ?? "")).toHaveText(
    formatMoney(topCredit?.total ?? "0"),
  );

  // The URL is the view; removing the chip goes back to every charge type.
  await page.reload();
  await expect(page.getByText("Charge type Credit")).toBeVisible();
  await page.getByRole("button", { name: "Remove the charge type filter" }).click();
  await expect(page).not.toHaveURL(/chargeType=/);
  await expect(costs.grandTotal).toHaveText(formatMoney(await grandTotal("RECORD_TYPE")));
});

test("an analyst sees spend by region and filters to one region", async ({ page }) => {
  await restoreSession(page, "analyst");
  const costs = new CostsPage(page);
  await costs.open("?groupBy=region");
  const byRegion = await totalsBy("REGION");
  expect(byRegion.size).toBeGreaterThan(2);
  await expect(costs.grandTotal).toHaveText(formatMoney(await grandTotal("REGION")));
  for (const [region, total] of byRegion)
    await expect(costs.rowTotal(region)).toHaveText(formatMoney(total));

  await costs.open("?groupBy=ou&region=eu-west-1");
  await expect(page.getByText("Region eu-west-1")).toBeVisible();
  await expect(costs.grandTotal).toHaveText(formatMoney(byRegion.get("eu-west-1") ?? "0"));
  await expectNoSeriousA11yViolations(page);
});

test("an OU-scoped user's charge types count only the accounts under their OUs", async ({
  page,
}) => {
  await restoreSession(page, "scoped");
  const costs = new CostsPage(page);
  await costs.open("?groupBy=charge-type");
  const scope = `AND account_id IN (SELECT a.id FROM account a JOIN org_unit o ON o.id = a.ou_id
    WHERE o.path_ids && (SELECT ou_ids FROM role_binding WHERE "group" = 'orglens-demo-bu-lead'))`;
  const scoped = await grandTotal("RECORD_TYPE", scope);
  expect(Number(scoped)).toBeLessThan(Number(await grandTotal("RECORD_TYPE")));
  await expect(costs.grandTotal).toHaveText(formatMoney(scoped));
  const byType = await totalsBy("RECORD_TYPE", scope);
  await expect(costs.rowTotal("Usage")).toHaveText(formatMoney(byType.get("Usage") ?? "0"));
  // A filter the API cannot answer is refused with its reason, not answered wrongly.
  const bad = await page.request.get("/api/v1/costs?groupBy=service&chargeType=Credit");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ code: "DIMENSION_FILTER_UNSUPPORTED" });
});
