// Every page renders without a console error or an uncaught page error in Chromium: a hydration
// mismatch (React error #418), a CSP report or a failed request shows up here first.
import { expect, test, type Page } from "@playwright/test";
import { e2eQuery } from "../testing/e2e-db";
import { signInAs } from "./support/sign-in-ui";
import { listPageRoutes } from "./support/page-routes";

test.describe.configure({ timeout: 180_000 });

/** SQL for the id of a row each dynamic page shows. */
const IDS: Record<string, string> = {
  "/findings/[id]": "SELECT id FROM finding WHERE status = 'open' ORDER BY severity, id LIMIT 1",
  "/accounts/[id]": "SELECT id FROM account WHERE removed_at IS NULL ORDER BY id LIMIT 1",
  "/runs/[id]": "SELECT id FROM collection_run ORDER BY started_at DESC LIMIT 1",
};

async function concretePath(pattern: string): Promise<string> {
  const sql = IDS[pattern];
  if (!pattern.includes("[")) return pattern;
  if (!sql) throw new Error(`no id query for the page ${pattern}: add one to IDS`);
  const [row] = await e2eQuery<{ id: string }>(sql);
  if (!row) throw new Error(`the e2e database has no row for ${pattern}`);
  return pattern.replace(/\[[^\]]+\]/, row.id);
}

/** Collects console errors and page errors from now on. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

test("every page opens without a console error or page error", async ({ page }) => {
  const pages = listPageRoutes().filter((p) => p !== "/signin");
  await signInAs(page, "admin");
  const errors = watchErrors(page);
  const failures: string[] = [];
  for (const pattern of pages) {
    const url = await concretePath(pattern);
    await page.goto(url);
    await expect(page.locator("main h1").first()).toBeVisible();
    // Hydration and client data fetches finish after the first paint.
    await page.waitForLoadState("networkidle");
    failures.push(...errors.splice(0).map((e) => `${url} ${e}`));
  }
  expect(failures).toEqual([]);
});

test("the sign-in page opens without a console error or page error", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: /Continue as Admin/ })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(errors).toEqual([]);
});
