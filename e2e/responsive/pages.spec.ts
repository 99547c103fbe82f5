// Every page on a phone (390 × 844) and on a wall screen (1920 × 1080): the navigation is reachable,
// the page itself never scrolls sideways (wide tables scroll in their own box), no serious axe
// violation, and a screenshot per page and size in e2e/screenshots for people to look at.
import { expect, test, type Page } from "@playwright/test";
import { e2eQuery } from "../../testing/e2e-db";
import { saveScreenshot } from "../../testing/e2e-screenshot";
import { expectNoSeriousA11yViolations } from "../support/a11y";
import { storageStatePath } from "../support/auth";

test.use({ storageState: storageStatePath("admin") });

async function firstId(sql: string): Promise<string> {
  const [row] = await e2eQuery<{ id: string }>(sql);
  if (!row) throw new Error(`the e2e database has no row for: ${sql}`);
  return row.id;
}

/** A fixed path, or SQL for the id of a row the page shows (`{id}` in the path). */
const PAGES: { name: string; path: string; idSql?: string }[] = [
  { name: "overview", path: "/" },
  { name: "organization", path: "/organization" },
  { name: "findings", path: "/findings" },
  {
    name: "finding",
    path: "/findings/{id}",
    idSql: "SELECT id FROM finding WHERE status = 'open' ORDER BY severity, id LIMIT 1",
  },
  {
    name: "account",
    path: "/accounts/{id}",
    idSql: "SELECT id FROM account WHERE removed_at IS NULL ORDER BY id LIMIT 1",
  },
  { name: "costs", path: "/costs" },
  { name: "chargeback", path: "/chargeback" },
  { name: "budgets", path: "/budgets" },
  { name: "requests", path: "/requests" },
  { name: "runs", path: "/runs" },
  {
    name: "run",
    path: "/runs/{id}",
    idSql: "SELECT id FROM collection_run ORDER BY started_at DESC LIMIT 1",
  },
  { name: "settings", path: "/settings" },
  { name: "settings-access", path: "/settings/access" },
  { name: "settings-alerts", path: "/settings/alerts" },
  { name: "settings-audit", path: "/settings/audit" },
];

/** How far the document is wider than the window: 0 when nothing but inner boxes scroll sideways. */
async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth);
}

async function expectNavigationReachable(page: Page, phone: boolean): Promise<void> {
  if (!phone) {
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    return;
  }
  const menu = page.getByRole("button", { name: "Menu", exact: true });
  await expect(menu).toBeVisible();
  await menu.click();
  const dialog = page.getByRole("dialog", { name: "Menu" });
  await expect(dialog.getByRole("link", { name: "Settings" })).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(menu).toBeFocused();
}

for (const p of PAGES) {
  test(`${p.name}: navigation reachable, no sideways page scroll, accessible`, async ({
    page,
  }, info) => {
    const phone = info.project.name === "phone";
    await page.goto(p.idSql ? p.path.replace("{id}", await firstId(p.idSql)) : p.path);
    await expect(page.locator("main h1").first()).toBeVisible();
    // Tables, charts and trees render after their data arrives; measure once the page is settled.
    await page.waitForLoadState("networkidle");
    await expect
      .poll(() => pageOverflow(page), { message: "page-level horizontal overflow (px)" })
      .toBeLessThanOrEqual(0);
    await expectNavigationReachable(page, phone);
    await saveScreenshot(page, `${info.project.name}-${p.name}`);
    await expectNoSeriousA11yViolations(page);
  });
}
