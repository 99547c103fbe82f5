import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { formatMoney } from "../lib/format/money";
import { e2eQuery } from "../testing/e2e-db";
import { saveScreenshot } from "../testing/e2e-screenshot";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { CostsPage } from "./pages/costs-page";
import { restoreSession } from "./support/auth";

// An account whose name is a spreadsheet formula: the CSV must carry it as text.
const EVIL_ID = "000000000042";
const EVIL_NAME = '=HYPERLINK("http://evil.example","click me")';

interface Window {
  from: string;
  to: string;
}

async function defaultWindow(): Promise<Window> {
  const [w] = await e2eQuery<Window>(`
    SELECT to_char(date_trunc('month', now() AT TIME ZONE 'UTC') - interval '12 months', 'YYYY-MM-DD') AS "from",
           to_char(date_trunc('month', now() AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS "to"`);
  if (!w) throw new Error("no window");
  return w;
}

async function sqlTotal(sql: string, params: unknown[]): Promise<string> {
  const [row] = await e2eQuery<{ total: string | null }>(sql, params);
  return row?.total ?? "0";
}

/** Independent of the app's SQL: the latest placement that started before the month ended. */
const OU_OF_CHARGE_MONTH = `coalesce(
  (SELECT p.ou_id FROM account_placement p WHERE p.account_id = c.account_id AND p.valid_from < (c.month + interval '1 month') AT TIME ZONE 'UTC' ORDER BY p.valid_from DESC, p.id DESC LIMIT 1),
  (SELECT p.ou_id FROM account_placement p WHERE p.account_id = c.account_id ORDER BY p.valid_from, p.id LIMIT 1),
  (SELECT a.ou_id FROM account a WHERE a.id = c.account_id))`;

// A busy two-core machine makes the first requests slow; these tests navigate a lot.
test.describe.configure({ timeout: 120_000 });

test.beforeAll(async ({ request }) => {
  // Warms the sign-in and the showback route so the first test is not the one paying for it.
  await request.get("/signin", { timeout: 60_000 });
  await request.get("/api/auth/csrf", { timeout: 60_000 });
  await e2eQuery(
    `INSERT INTO account (id, name, email, status, joined_method, joined_at, ou_id, first_seen_at, last_seen_at)
     VALUES ($1, $2, 'evil@example.com', 'ACTIVE', 'INVITED', now(), (SELECT id FROM org_unit WHERE path = 'Root/Sandbox'), now(), now())
     ON CONFLICT (id) DO NOTHING`,
    [EVIL_ID, EVIL_NAME],
  );
  await e2eQuery(
    `INSERT INTO cost_monthly (account_id, month, service, unblended, amortized, net, estimated, source)
     VALUES ($1, (date_trunc('month', now() AT TIME ZONE 'UTC') - interval '1 month')::date, 'AmazonEC2', 987654.3210, 900000, 880000, false, 'e2e')
     ON CONFLICT DO NOTHING`,
    [EVIL_ID],
  );
});

test.afterAll(async () => {
  await e2eQuery("DELETE FROM cost_monthly WHERE account_id = $1", [EVIL_ID]);
  await e2eQuery("DELETE FROM account WHERE id = $1", [EVIL_ID]);
});

test("an analyst groups spend by OU, service, cost center and tag, switches the metric, and a reload keeps the view", async ({
  page,
}) => {
  const w = await defaultWindow();
  await restoreSession(page, "analyst");
  const costs = new CostsPage(page);
  await costs.open();
  await expect(page.getByRole("heading", { name: "Cost showback" })).toBeVisible();

  // Default view: OU as of the charge month, unblended, last 12 full months and this month.
  const unblended = await sqlTotal(
    "SELECT sum(unblended)::text AS total FROM cost_monthly WHERE month BETWEEN $1::date AND $2::date",
    [w.from, w.to],
  );
  await expect(costs.grandTotal).toHaveText(formatMoney(unblended));
  const [topOu] = await e2eQuery<{ ou_id: string; total: string }>(
    `WITH c AS (SELECT account_id, month, sum(unblended) AS amount FROM cost_monthly WHERE month BETWEEN $1::date AND $2::date GROUP BY 1, 2)
     SELECT ${OU_OF_CHARGE_MONTH} AS ou_id, sum(amount)::text AS total FROM c GROUP BY 1 ORDER BY sum(amount) DESC LIMIT 1`,
    [w.from, w.to],
  );
  await expect(costs.rowTotal(topOu?.ou_id ?? "")).toHaveText(formatMoney(topOu?.total ?? "0"));
  await expect(page.getByRole("img", { name: /spend per month/ })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: /\*/ })).toHaveCount(1);
  await saveScreenshot(page, "costs-by-ou");
  await expectNoSeriousA11yViolations(page);

  // By service.
  await costs.groupBy.selectOption("service");
  await expect(page).toHaveURL(/groupBy=service/);
  const [topService] = await e2eQuery<{ service: string; total: string }>(
    "SELECT service, sum(unblended)::text AS total FROM cost_monthly WHERE month BETWEEN $1::date AND $2::date GROUP BY 1 ORDER BY sum(unblended) DESC LIMIT 1",
    [w.from, w.to],
  );
  await expect(costs.rowTotal(topService?.service ?? "")).toHaveText(
    formatMoney(topService?.total ?? "0"),
  );
  await expect(costs.grandTotal).toHaveText(formatMoney(unblended));

  // By cost center: accounts without one are "unallocated".
  await costs.groupBy.selectOption("cost-center");
  const unallocated = await sqlTotal(
    "SELECT sum(c.unblended)::text AS total FROM cost_monthly c JOIN account a ON a.id = c.account_id WHERE a.cost_center IS NULL AND c.month BETWEEN $1::date AND $2::date",
    [w.from, w.to],
  );
  await expect(
    page.locator('[data-testid="cost-table"] tr[data-row-id="__blank__"]'),
  ).toContainText("unallocated");
  await expect(costs.rowTotal("__blank__")).toHaveText(formatMoney(unallocated));

  // By a tag, with its untagged share, then the amortized metric.
  await costs.groupBy.selectOption("tag:project");
  const tagged = await e2eQuery<{ total: string; untagged: string }>(
    `SELECT sum(unblended)::text AS total, coalesce(sum(unblended) FILTER (WHERE tag_value = ''), 0)::text AS untagged
     FROM cost_by_tag WHERE tag_key = 'project' AND month BETWEEN $1::date AND $2::date`,
    [w.from, w.to],
  );
  const share = (Number(tagged[0]?.untagged) / Number(tagged[0]?.total)) * 100;
  await expect(costs.grandTotal).toHaveText(formatMoney(tagged[0]?.total ?? "0"));
  await expect(page.getByTestId("cost-stat-untagged")).toHaveText(`${share.toFixed(1)}%`);
  await expect(page.getByRole("button", { name: "Daily" })).toBeDisabled();
  await page.getByRole("button", { name: "Amortized" }).click();
  await expect(page).toHaveURL(/metric=amortized/);
  const amortized = await sqlTotal(
    "SELECT sum(amortized)::text AS total FROM cost_by_tag WHERE tag_key = 'project' AND month BETWEEN $1::date AND $2::date",
    [w.from, w.to],
  );
  await expect(costs.grandTotal).toHaveText(formatMoney(amortized));
  if (Number(tagged[0]?.untagged) > 0)
    await expect(page.locator('tr[data-row-id="__blank__"]')).toContainText("(untagged)");

  // The URL is the view: a reload (or a shared link) shows the same thing.
  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(costs.groupBy).toHaveValue("tag:project");
  await expect(page.getByRole("button", { name: "Amortized" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(costs.grandTotal).toHaveText(formatMoney(amortized));
  await saveScreenshot(page, "costs-by-tag");
  await page.evaluate(() => document.documentElement.classList.add("dark"));
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, "costs-by-tag-dark");
});

test("drilling into an OU lists its accounts with the same total", async ({ page }) => {
  await restoreSession(page, "analyst");
  const costs = new CostsPage(page);
  await costs.open("?groupBy=ou");
  const firstRow = costs.rows.first();
  const ouTotal = await firstRow.locator("td").last().textContent();
  await firstRow.getByRole("link").click();
  await expect(page).toHaveURL(/groupBy=account/);
  await expect(page).toHaveURL(/ou=/);
  await expect(page.getByText("Filtered to")).toBeVisible();
  await expect(costs.grandTotal).toHaveText(ouTotal ?? "");
});

test("the CSV export has the page's numbers, neutralizes formulas and is audited", async ({
  page,
}) => {
  const w = await defaultWindow();
  await restoreSession(page, "analyst");
  const costs = new CostsPage(page);
  await costs.open("?groupBy=account");
  await expect(page.locator(`tr[data-row-id="${EVIL_ID}"]`)).toContainText(EVIL_NAME);
  const shownTotal = await costs.grandTotal.textContent();
  const footer = await page.locator('[data-testid="cost-table"] tfoot td').allTextContents();

  const downloading = page.waitForEvent("download");
  await costs.downloadCsv.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    /^orglens-costs-account-unblended-monthly-\d{4}-\d{2}-to-\d{4}-\d{2}\.csv$/,
  );
  const text = readFileSync((await download.path()) ?? "", "utf8");
  const rows: string[][] = parse(text);
  const [header, ...body] = rows;
  const totals = body.at(-1) ?? [];
  expect(header?.slice(0, 2)).toEqual(["Account", "Account ID"]);
  expect(header?.at(2)).toBe(w.from);
  expect(header?.at(-2)).toBe(w.to);
  expect(totals[0]).toBe("Total");
  // Same numbers as the page: the grand total and every period's total.
  expect(formatMoney(totals.at(-1) ?? "")).toBe(shownTotal);
  expect(totals.slice(2).map((v) => formatMoney(v))).toEqual(footer.slice(1));
  const exact = await sqlTotal(
    "SELECT sum(unblended)::text AS total FROM cost_monthly WHERE month BETWEEN $1::date AND $2::date",
    [w.from, w.to],
  );
  expect(Number(totals.at(-1))).toBeCloseTo(Number(exact), 6);
  // Rows sum to the totals row.
  const rowSum = body.slice(0, -1).reduce((s, r) => s + Number(r.at(-1)), 0);
  expect(rowSum).toBeCloseTo(Number(totals.at(-1)), 4);
  const evil = body.find((r) => r[1] === EVIL_ID);
  expect(evil?.[0]).toBe(`'${EVIL_NAME}`);

  const [audit] = await e2eQuery<{ actor: string; group_by: string }>(
    "SELECT actor, detail->>'groupBy' AS group_by FROM audit_event WHERE action = 'export.costs' ORDER BY id DESC LIMIT 1",
  );
  expect(audit).toEqual({ actor: "analyst@demo.orglens", group_by: "account" });
});

test("an OU-scoped user's showback counts only the accounts under their OUs", async ({ page }) => {
  const w = await defaultWindow();
  await restoreSession(page, "scoped");
  const costs = new CostsPage(page);
  await costs.open("?groupBy=account");
  const scope = `(SELECT a.id FROM account a JOIN org_unit o ON o.id = a.ou_id WHERE o.path_ids && (SELECT ou_ids FROM role_binding WHERE "group" = 'orglens-demo-bu-lead'))`;
  const [scoped] = await e2eQuery<{ total: string; accounts: number }>(
    `SELECT sum(unblended)::text AS total, count(DISTINCT account_id)::int AS accounts FROM cost_monthly WHERE month BETWEEN $1::date AND $2::date AND account_id IN ${scope}`,
    [w.from, w.to],
  );
  const all = await sqlTotal(
    "SELECT sum(unblended)::text AS total FROM cost_monthly WHERE month BETWEEN $1::date AND $2::date",
    [w.from, w.to],
  );
  expect(Number(scoped?.total)).toBeGreaterThan(0);
  expect(Number(scoped?.total)).toBeLessThan(Number(all));
  await expect(costs.grandTotal).toHaveText(formatMoney(scoped?.total ?? "0"));
  await expect(costs.rows).toHaveCount(Math.min(50, scoped?.accounts ?? 0));
  await expect(page.locator(`tr[data-row-id="${EVIL_ID}"]`)).toHaveCount(0);
  // Paged through the API a few groups at a time: only their accounts, counted within their scope,
  // and every page carries the totals of the whole scope.
  const inScope = await e2eQuery<{ id: string }>(
    `SELECT DISTINCT account_id AS id FROM cost_monthly WHERE month BETWEEN $1::date AND $2::date AND account_id IN ${scope} ORDER BY 1`,
    [w.from, w.to],
  );
  const paged: string[] = [];
  const window = `from=${w.from.slice(0, 7)}&to=${w.to.slice(0, 7)}`;
  for (let offset = 0; offset <= inScope.length; offset += 3) {
    const res = await page.request.get(
      `/api/v1/costs?groupBy=account&${window}&limit=3&offset=${offset}`,
    );
    expect(res.status()).toBe(200);
    const body = (await res.json()) as {
      groups: { key: string }[];
      page: { groupCount: number };
      totals: { total: string };
    };
    expect(body.page.groupCount).toBe(inScope.length);
    expect(Number(body.totals.total)).toBe(Number(scoped?.total));
    paged.push(...body.groups.map((g) => g.key));
  }
  expect(paged.toSorted()).toEqual(inScope.map((a) => a.id));
  // A viewer: no download, and the export API refuses.
  await expect(costs.downloadCsv).toHaveCount(0);
  expect((await page.request.get("/api/v1/costs/export?groupBy=account")).status()).toBe(403);
  // Filters outside the scope are not found rather than empty.
  expect((await page.request.get(`/api/v1/costs?account=${EVIL_ID}`)).status()).toBe(404);
});

test("a viewer sees showback but may not export it", async ({ page }) => {
  await restoreSession(page, "viewer");
  const costs = new CostsPage(page);
  await costs.open("?groupBy=service&granularity=daily");
  await expect(page.getByRole("button", { name: "Daily" })).toHaveAttribute("aria-pressed", "true");
  const [daily] = await e2eQuery<{ total: string }>(
    "SELECT sum(unblended)::text AS total FROM cost_daily WHERE day >= (date_trunc('month', now() AT TIME ZONE 'UTC') - interval '12 months')::date",
  );
  await expect(costs.grandTotal).toHaveText(formatMoney(daily?.total ?? "0"));
  await expect(costs.downloadCsv).toHaveCount(0);
  expect((await page.request.get("/api/v1/costs/export")).status()).toBe(403);
  await saveScreenshot(page, "costs-daily-viewer");
  await expectNoSeriousA11yViolations(page);
});
