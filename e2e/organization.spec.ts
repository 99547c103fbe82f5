import { expect, test, type Page } from "@playwright/test";
import { e2eQuery } from "../testing/e2e-db";
import { saveScreenshot } from "../testing/e2e-screenshot";
import { formatMoney } from "../lib/format/money";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { restoreSession } from "./support/auth";

const LAST_FULL_MONTH =
  "(date_trunc('month', now() AT TIME ZONE 'UTC') - interval '1 month')::date";

/** Accounts (in the organization) under an OU and their spend over [from, to] months back from the last full month. */
async function subtree(ouId: string, monthsBack = 0): Promise<{ accounts: number; spend: string }> {
  const [row] = await e2eQuery<{ accounts: number; spend: string }>(
    `WITH accts AS (SELECT a.id FROM account a JOIN org_unit o ON o.id = a.ou_id WHERE a.removed_at IS NULL AND $1 = ANY(o.path_ids))
     SELECT (SELECT count(*) FROM accts)::int AS accounts,
            (SELECT coalesce(sum(unblended), 0) FROM cost_monthly WHERE account_id IN (SELECT id FROM accts)
               AND month BETWEEN (${LAST_FULL_MONTH} - make_interval(months => $2))::date AND ${LAST_FULL_MONTH})::text AS spend`,
    [ouId, monthsBack],
  );
  if (!row) throw new Error(`no subtree for ${ouId}`);
  return row;
}

async function ouId(path: string): Promise<string> {
  const [row] = await e2eQuery<{ id: string }>(
    "SELECT id FROM org_unit WHERE path = $1 AND removed_at IS NULL",
    [path],
  );
  if (!row) throw new Error(`no OU ${path}`);
  return row.id;
}

const node = (page: Page, id: string) => page.locator(`[role="treeitem"][data-node-id="${id}"]`);
/** Clicks the row itself (its left padding), not the name link inside it. */
const focusNode = (page: Page, id: string) => node(page, id).click({ position: { x: 4, y: 20 } });

/** The tree loads through the API after the page: on a loaded machine that can take a while. */
async function openTree(page: Page, url = "/organization") {
  await page.goto(url);
  await expect(page.getByRole("tree")).toBeVisible({ timeout: 30_000 });
}

async function expectNodeFigures(
  page: Page,
  id: string,
  figures: { accounts: number; spend: string },
) {
  await expect(node(page, id).locator('[data-cell="accounts"]')).toHaveText(
    figures.accounts.toLocaleString("en-US"),
  );
  await expect(node(page, id).locator('[data-cell="spend"]')).toHaveText(
    formatMoney(figures.spend),
  );
}

test("the OU tree shows each node's accounts and last month's spend as stored, and can be explored by keyboard", async ({
  page,
}) => {
  await restoreSession(page, "analyst");
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Organization", exact: true })
    .click();
  await expect(page.getByRole("heading", { name: "Organization", level: 1 })).toBeVisible();
  await expect(page.getByRole("tree")).toBeVisible({ timeout: 30_000 });

  const root = await ouId("Root");
  const workloads = await ouId("Root/Workloads");
  const prod = await ouId("Root/Workloads/Prod");
  const rootFigures = await subtree(root);
  await expectNodeFigures(page, root, rootFigures);
  await expect(page.getByTestId("org-stat-accounts")).toHaveText(
    rootFigures.accounts.toLocaleString("en-US"),
  );
  await expect(page.getByTestId("org-stat-spend")).toHaveText(formatMoney(rootFigures.spend));
  await expectNodeFigures(page, workloads, await subtree(workloads));

  // Open findings as stored: open, not muted (or the mute expired), info left out.
  const [open] = await e2eQuery<{ n: number }>(
    "SELECT count(*)::int AS n FROM finding WHERE status = 'open' AND (muted_until IS NULL OR muted_until <= now()) AND severity <> 'info'",
  );
  await expect(page.getByTestId("org-stat-findings")).toHaveText(
    (open?.n ?? 0).toLocaleString("en-US"),
  );
  await saveScreenshot(page, "organization");
  await expectNoSeriousA11yViolations(page);

  // Keyboard: the WAI-ARIA tree pattern.
  await focusNode(page, root);
  await expect(node(page, root)).toBeFocused();
  await page.keyboard.press("End");
  await expect(page.getByRole("treeitem").last()).toBeFocused();
  await page.keyboard.press("Home");
  await expect(node(page, root)).toBeFocused();
  await focusNode(page, workloads);
  await expect(node(page, workloads)).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("ArrowRight");
  await expect(node(page, workloads)).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("ArrowRight");
  await expect(node(page, prod)).toBeFocused();
  await expect(node(page, prod)).toHaveAttribute("aria-level", "3");
  await expectNodeFigures(page, prod, await subtree(prod));
  await page.keyboard.press("ArrowLeft");
  await expect(node(page, workloads)).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(node(page, workloads)).toHaveAttribute("aria-expanded", "false");
  await expect(node(page, prod)).toHaveCount(0);
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowDown");
  await expect(node(page, workloads)).toBeFocused();

  // Enter focuses the OU: its subtree and its SCPs, attached and inherited.
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]ou=${workloads}`));
  await expect(page.getByRole("heading", { name: /^Workloads/, level: 2 })).toBeVisible();
  const scps = await e2eQuery<{ name: string; inherited: boolean }>(
    `SELECT DISTINCT p.name, t.target_id <> $1 AS inherited FROM policy p JOIN policy_target t ON t.policy_id = p.id
     WHERE p.type = 'SERVICE_CONTROL_POLICY' AND t.target_id IN (SELECT unnest(path_ids) FROM org_unit WHERE id = $1)`,
    [workloads],
  );
  const attached = scps
    .filter((s) => !s.inherited)
    .map((s) => s.name)
    .sort();
  const inherited = [...new Set(scps.filter((s) => s.inherited).map((s) => s.name))].sort();
  expect(attached.length).toBeGreaterThan(0);
  expect(
    (await page.getByTestId("scps-attached").locator("li").allInnerTexts())
      .map((t) => t.replace(/\s*\(AWS managed\)$/, ""))
      .sort(),
  ).toEqual(attached);
  expect(
    (await page.getByTestId("scps-inherited").locator("li").allInnerTexts())
      .map((t) => t.replace(/\s*\(AWS managed\)$/, ""))
      .sort(),
  ).toEqual(inherited);
  await expect(page.getByRole("treeitem", { level: 1 })).toHaveCount(1);
  await expect(page.getByTestId("org-stat-accounts")).toHaveText(
    (await subtree(workloads)).accounts.toLocaleString("en-US"),
  );
  await page.getByRole("link", { name: "Whole organization" }).click();
  await expect(node(page, root)).toBeVisible();
});

test("search finds OUs and accounts by name or id and opens their ancestors; expand and collapse all", async ({
  page,
}) => {
  await restoreSession(page, "analyst");
  await page.goto("/");
  await openTree(page);
  const [expected] = await e2eQuery<{ n: number }>(
    `SELECT ((SELECT count(*) FROM account WHERE removed_at IS NULL AND (name ILIKE '%payments%' OR id LIKE '%payments%'))
           + (SELECT count(*) FROM org_unit WHERE removed_at IS NULL AND name ILIKE '%payments%'))::int AS n`,
  );
  expect(expected?.n).toBeGreaterThan(0);
  await page.getByRole("searchbox", { name: "Search" }).fill("payments");
  await expect(page.getByTestId("org-search-status")).toHaveText(
    `${expected?.n} match${expected?.n === 1 ? "" : "es"}`,
  );
  await expect(page).toHaveURL(/[?&]q=payments/);
  const [paymentsProd] = await e2eQuery<{ id: string }>(
    "SELECT id FROM account WHERE name = 'payments-prod'",
  );
  await expect(node(page, paymentsProd?.id ?? "")).toBeVisible();
  await expect(node(page, await ouId("Root/Workloads"))).toHaveAttribute("aria-expanded", "true");
  await expect(node(page, await ouId("Root/Security"))).toHaveCount(0);
  await saveScreenshot(page, "organization-search");

  // By account id, and the URL keeps the search on reload.
  const id = paymentsProd?.id ?? "";
  await page.getByRole("searchbox", { name: "Search" }).fill(id);
  await expect(page.getByTestId("org-search-status")).toHaveText("1 match");
  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue(id);
  await expect(node(page, id)).toBeVisible();
  await page.getByRole("searchbox", { name: "Search" }).fill("");

  const [total] = await e2eQuery<{ n: number }>(
    "SELECT ((SELECT count(*) FROM account WHERE removed_at IS NULL) + (SELECT count(*) FROM org_unit WHERE removed_at IS NULL))::int AS n",
  );
  await page.getByRole("button", { name: "Expand all" }).click();
  await expect(node(page, await ouId("Root/Infrastructure"))).toHaveAttribute(
    "aria-expanded",
    "true",
  );
  // Virtualized: every row is in the tree, only those in view are in the DOM.
  await expect(page.getByRole("treeitem").first()).toHaveAttribute("aria-setsize", "1");
  const inDom = await page.getByRole("treeitem").count();
  expect(inDom).toBeLessThan(total?.n ?? 0);
  await page.getByTestId("org-tree-scroll").evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.getByRole("treeitem").last()).toBeVisible();
  await page.getByRole("button", { name: "Collapse all" }).click();
  await expect(page.getByRole("treeitem")).toHaveCount(1);
});

test("a period of several months sums those months, and the choice is kept in the URL", async ({
  page,
}) => {
  await restoreSession(page, "analyst");
  await page.goto("/");
  await openTree(page);
  const root = await ouId("Root");
  await page.getByRole("button", { name: "Last 3 months" }).click();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}&to=\d{4}-\d{2}/);
  await expectNodeFigures(page, root, await subtree(root, 2));
  await page.reload();
  await expect(page.getByRole("button", { name: "Last 3 months" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expectNodeFigures(page, root, await subtree(root, 2));
  await page.evaluate(() => document.documentElement.classList.add("dark"));
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, "organization-dark");
});

test("a viewer sees the tree but no account links (account pages need data:read)", async ({
  page,
}) => {
  await restoreSession(page, "viewer");
  await page.goto("/");
  await openTree(page);
  const root = await ouId("Root");
  await expectNodeFigures(page, root, await subtree(root));
  const [mgmt] = await e2eQuery<{ id: string }>("SELECT id FROM account WHERE is_management");
  await expect(node(page, mgmt?.id ?? "")).toBeVisible();
  await expect(node(page, mgmt?.id ?? "").locator("a")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test("an OU-scoped user sees only their OUs' subtrees, as the top of the tree", async ({
  page,
}) => {
  await restoreSession(page, "scoped");
  await page.goto("/");
  await openTree(page);
  const tops = await e2eQuery<{ id: string; name: string }>(
    "SELECT o.id, o.name FROM org_unit o, role_binding b WHERE b.\"group\" = 'orglens-demo-bu-lead' AND o.id = ANY(b.ou_ids) ORDER BY o.name",
  );
  expect(tops.length).toBeGreaterThan(0);
  await expect(page.getByRole("treeitem", { level: 1 })).toHaveText(
    tops.map((t) => new RegExp(t.name)),
  );
  const [scoped] = await e2eQuery<{ accounts: number; spend: string }>(`
    WITH scope AS (SELECT ou_ids FROM role_binding WHERE "group" = 'orglens-demo-bu-lead'),
         accts AS (SELECT a.id FROM account a JOIN org_unit o ON o.id = a.ou_id, scope WHERE o.path_ids && scope.ou_ids AND a.removed_at IS NULL)
    SELECT (SELECT count(*) FROM accts)::int AS accounts,
           (SELECT coalesce(sum(unblended), 0) FROM cost_monthly WHERE account_id IN (SELECT id FROM accts) AND month = ${LAST_FULL_MONTH})::text AS spend`);
  await expect(page.getByTestId("org-stat-accounts")).toHaveText(
    (scoped?.accounts ?? 0).toLocaleString("en-US"),
  );
  await expect(page.getByTestId("org-stat-spend")).toHaveText(formatMoney(scoped?.spend ?? "0"));
  await expect(node(page, await ouId("Root"))).toHaveCount(0);
  await expect(node(page, await ouId("Root/Security"))).toHaveCount(0);

  // The API holds nothing outside the scope either, and the top OUs have no parent.
  const res = await page.request.get("/api/v1/ou-tree");
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { nodes: { id: string; parentId: string | null }[] };
  const allowed = await e2eQuery<{ id: string }>(`
    WITH scope AS (SELECT ou_ids FROM role_binding WHERE "group" = 'orglens-demo-bu-lead')
    SELECT o.id FROM org_unit o, scope WHERE o.path_ids && scope.ou_ids AND o.removed_at IS NULL
    UNION ALL SELECT a.id FROM account a JOIN org_unit o ON o.id = a.ou_id, scope WHERE o.path_ids && scope.ou_ids AND a.removed_at IS NULL`);
  expect(body.nodes.map((n) => n.id).sort()).toEqual(allowed.map((a) => a.id).sort());
  expect(
    body.nodes
      .filter((n) => n.parentId === null)
      .map((n) => n.id)
      .sort(),
  ).toEqual(tops.map((t) => t.id).sort());
  await saveScreenshot(page, "organization-scoped");
  await expectNoSeriousA11yViolations(page);
});
