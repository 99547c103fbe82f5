import { expect, test } from "@playwright/test";
import { e2eQuery } from "../testing/e2e-db";
import { saveScreenshot } from "../testing/e2e-screenshot";
import { formatMoney } from "../lib/format/money";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { restoreSession } from "./support/auth";

const CURRENT_MONTH = "date_trunc('month', now() AT TIME ZONE 'UTC')::date";
const SCOPE = `(SELECT ou_ids FROM role_binding WHERE "group" = 'orglens-demo-bu-lead')`;

async function one<T extends object>(sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await e2eQuery<T>(sql, params);
  if (!row) throw new Error(`no row for ${sql}`);
  return row;
}

test("an account page shows its facts, monthly spend, findings and IAM users as stored", async ({
  page,
}) => {
  // The first page of a cold server, two pages, 13 monthly totals and two axe passes: more than 30 s on a busy machine.
  test.slow();
  await restoreSession(page, "analyst");
  // The account with the most access keys: IAM users are what the page must make visible.
  const acct = await one<{
    id: string;
    name: string;
    email: string;
    path: string;
    cost_center: string | null;
  }>(
    `SELECT a.id, a.name, a.email, o.path, a.cost_center FROM account a JOIN org_unit o ON o.id = a.ou_id
     WHERE a.id = (SELECT account_id FROM access_key GROUP BY account_id ORDER BY count(*) DESC, account_id LIMIT 1)`,
  );

  // From the organization tree, as a user would get there.
  await page.goto(`/organization?q=${acct.id}`);
  await page.locator(`[role="treeitem"][data-node-id="${acct.id}"] a`).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${acct.id}$`));
  await expect(page.getByRole("heading", { name: acct.name, level: 1 })).toBeVisible();
  await expect(page.getByTestId("account-id")).toHaveText(acct.id);
  await expect(page.getByRole("navigation", { name: "OU path" }).getByRole("link")).toHaveText(
    acct.path.split("/"),
  );
  await expect(page.getByTestId("account-facts")).toContainText(acct.email);
  if (acct.cost_center)
    await expect(page.getByTestId("account-facts")).toContainText(acct.cost_center);

  // Monthly totals of the last 12 full months and the current one to date, and their sum.
  const months = await e2eQuery<{ month: string; total: string }>(
    `SELECT to_char(m, 'YYYY-MM-DD') AS month, coalesce((SELECT sum(unblended) FROM cost_monthly WHERE account_id = $1 AND month = m), 0)::text AS total
     FROM generate_series((${CURRENT_MONTH} - interval '12 months')::date, ${CURRENT_MONTH}, interval '1 month') AS m`,
    [acct.id],
  );
  expect(months).toHaveLength(13);
  for (const m of months)
    await expect(page.getByTestId(`month-total-${m.month}`)).toHaveText(formatMoney(m.total));
  const total = await one<{ total: string }>(
    `SELECT coalesce(sum(unblended), 0)::text AS total FROM cost_monthly WHERE account_id = $1 AND month >= (${CURRENT_MONTH} - interval '12 months')::date`,
    [acct.id],
  );
  await expect(page.getByTestId("costs-grand-total")).toHaveText(formatMoney(total.total));
  await expect(page.getByRole("img", { name: /Monthly spend by service/ })).toBeVisible();

  const findings = await one<{ all: number; open: number }>(
    "SELECT count(*)::int AS all, count(*) FILTER (WHERE status = 'open')::int AS open FROM finding WHERE account_id = $1",
    [acct.id],
  );
  await expect(page.getByTestId("account-findings").locator("tbody tr")).toHaveCount(findings.all);
  if (findings.open)
    await expect(page.getByTestId("account-findings").locator("tbody tr").first()).toContainText(
      "Open",
    );

  const keys = await e2eQuery<{ key_id: string }>(
    "SELECT key_id FROM access_key WHERE account_id = $1 AND key_id IS NOT NULL ORDER BY user_name, slot",
    [acct.id],
  );
  expect(keys.length).toBeGreaterThan(0);
  for (const k of keys) await expect(page.getByTestId("account-iam-users")).toContainText(k.key_id);
  const placements = await one<{ n: number }>(
    "SELECT count(*)::int AS n FROM account_placement WHERE account_id = $1",
    [acct.id],
  );
  await expect(page.getByTestId("account-placements").locator("li")).toHaveCount(placements.n);

  await page.mouse.move(0, 0);
  await saveScreenshot(page, "account");
  await expectNoSeriousA11yViolations(page);
  await page.evaluate(() => document.documentElement.classList.add("dark"));
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, "account-dark");
});

test("a role trusted from outside the organization is flagged; internal trust is not", async ({
  page,
}) => {
  await restoreSession(page, "analyst");
  const role = await one<{ account_id: string; role_name: string }>(
    `SELECT r.account_id, r.role_name FROM iam_role r, LATERAL regexp_matches(r.trust_policy::text, 'arn:aws:iam::(\\d{12}):', 'g') AS m
     WHERE m[1] NOT IN (SELECT id FROM account WHERE removed_at IS NULL) ORDER BY r.account_id, r.role_name LIMIT 1`,
  );
  await page.goto(`/accounts/${role.account_id}`);
  const roles = page.getByTestId("account-roles");
  await expect(roles.locator("tbody tr", { hasText: role.role_name })).toContainText(
    "Trusted outside the organization",
  );
  const internal = await e2eQuery<{ role_name: string }>(
    `SELECT role_name FROM iam_role WHERE account_id = $1 AND trust_policy::text NOT LIKE '%arn:aws:iam::%' AND trust_policy::text NOT LIKE '%"*"%' LIMIT 1`,
    [role.account_id],
  );
  if (internal[0])
    await expect(
      roles.locator("tbody tr", { hasText: internal[0].role_name }).first(),
    ).not.toContainText("Trusted outside");
  await expect(roles.locator("tbody tr").first()).toHaveAttribute("data-outside-trust", "true");
  await roles.scrollIntoViewIfNeeded();
  await saveScreenshot(page, "account-roles");
});

test("unknown accounts are 404s, in the page and the API", async ({ page }) => {
  await restoreSession(page, "analyst");
  const res = await page.goto("/accounts/000000000000");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Account not found" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  for (const url of [
    "/api/v1/accounts/000000000000",
    "/api/v1/accounts/not-an-id",
    "/api/v1/accounts/000000000000/costs",
  ]) {
    expect((await page.request.get(url)).status(), url).toBe(404);
  }
});

test("the account list API searches by name and carries last month's spend as stored", async ({
  page,
}) => {
  await restoreSession(page, "analyst");
  const res = await page.request.get("/api/v1/accounts?search=prod&limit=500");
  expect(res.status()).toBe(200);
  const body = (await res.json()) as {
    total: number;
    accounts: { id: string; lastMonthSpend: string; ouPath: string }[];
  };
  const rows = await e2eQuery<{ id: string; spend: string; path: string }>(
    `SELECT a.id, o.path, coalesce((SELECT sum(unblended) FROM cost_monthly c WHERE c.account_id = a.id AND c.month = (${CURRENT_MONTH} - interval '1 month')::date), 0)::text AS spend
     FROM account a JOIN org_unit o ON o.id = a.ou_id
     WHERE a.removed_at IS NULL AND (a.name ILIKE '%prod%' OR a.id LIKE '%prod%' OR a.email ILIKE '%prod%')`,
  );
  expect(body.total).toBe(rows.length);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const a of body.accounts) {
    expect(Number(a.lastMonthSpend)).toBeCloseTo(Number(byId.get(a.id)?.spend), 6);
    expect(a.ouPath).toBe(byId.get(a.id)?.path);
  }
});

test.describe("an OU-scoped analyst", () => {
  // The demo's business-unit lead is a viewer; as an analyst (same scope) they may open account pages.
  test.beforeEach(async () => {
    await e2eQuery(
      `UPDATE role_binding SET role = 'analyst' WHERE "group" = 'orglens-demo-bu-lead'`,
    );
  });
  test.afterEach(async () => {
    await e2eQuery(
      `UPDATE role_binding SET role = 'viewer' WHERE "group" = 'orglens-demo-bu-lead'`,
    );
  });

  test("gets a 404 for an account outside their OUs, in the page and the API, and lists only their accounts", async ({
    page,
  }) => {
    await restoreSession(page, "scoped");
    const outside = await one<{ id: string }>(
      `SELECT a.id FROM account a JOIN org_unit o ON o.id = a.ou_id WHERE NOT (o.path_ids && ${SCOPE}) ORDER BY a.id LIMIT 1`,
    );
    const inside = await one<{ id: string; name: string }>(
      `SELECT a.id, a.name FROM account a JOIN org_unit o ON o.id = a.ou_id WHERE o.path_ids && ${SCOPE} AND a.removed_at IS NULL ORDER BY a.id LIMIT 1`,
    );
    const res = await page.goto(`/accounts/${outside.id}`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Account not found" })).toBeVisible();
    expect((await page.request.get(`/api/v1/accounts/${outside.id}`)).status()).toBe(404);
    expect((await page.request.get(`/api/v1/accounts/${outside.id}/costs`)).status()).toBe(404);

    await page.goto(`/accounts/${inside.id}`);
    await expect(page.getByRole("heading", { name: inside.name, level: 1 })).toBeVisible();
    const list = (await (await page.request.get("/api/v1/accounts?limit=500")).json()) as {
      total: number;
      accounts: { id: string }[];
    };
    const mine = await e2eQuery<{ id: string }>(
      `SELECT a.id FROM account a JOIN org_unit o ON o.id = a.ou_id WHERE o.path_ids && ${SCOPE} AND a.removed_at IS NULL`,
    );
    expect(list.accounts.map((a) => a.id).sort()).toEqual(mine.map((m) => m.id).sort());
  });
});
