// Tables on a phone (390 px): a wide table scrolls inside its own box with its first column pinned,
// and the findings and runs lists become cards, while a desktop window keeps the tables.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { e2eQuery } from "../../testing/e2e-db";
import { storageStatePath } from "../support/auth";

test.use({ storageState: storageStatePath("admin") });

const DESKTOP = { width: 1280, height: 900 };

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error("element is not rendered");
  return b;
}

/** Scrolls a table's box all the way right, as a swipe would. */
async function scrollSideways(scroller: Locator): Promise<number> {
  return scroller.evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
    return el.scrollLeft;
  });
}

/** The element painted at the middle of a locator: the locator's own content when nothing covers it. */
async function paintedAtCentre(page: Page, locator: Locator): Promise<string> {
  const b = await box(locator);
  return page.evaluate(
    ({ x, y }) => document.elementFromPoint(x, y)?.closest("th, td")?.textContent?.trim() ?? "",
    { x: b.x + b.width / 2, y: b.y + b.height / 2 },
  );
}

async function accountWithMostKeys(): Promise<string> {
  const [row] = await e2eQuery<{ id: string }>(
    "SELECT account_id AS id FROM access_key GROUP BY account_id ORDER BY count(*) DESC, account_id LIMIT 1",
  );
  if (!row) throw new Error("the demo should have IAM access keys");
  return row.id;
}

const WIDE_TABLES = [
  {
    name: "costs by account",
    path: () => Promise.resolve("/costs"),
    region: /^Spend by .* table$/,
  },
  {
    name: "an account's IAM users",
    path: async () => `/accounts/${await accountWithMostKeys()}`,
    region: /^IAM users table$/,
  },
];

for (const w of WIDE_TABLES) {
  test(`${w.name}: the first column stays in view while the table's box scrolls sideways`, async ({
    page,
  }) => {
    await page.goto(await w.path());
    const scroller = page.getByRole("region", { name: w.region });
    const table = scroller.getByRole("table");
    await expect(table.locator("tbody tr").first()).toBeVisible({ timeout: 30_000 });
    const viewport = page.viewportSize()?.width ?? 390;
    expect((await box(table)).width, "the table is wider than a phone").toBeGreaterThan(viewport);

    const firstHeader = table.locator("thead th").first();
    const firstCell = table.locator("tbody tr").first().locator("th, td").first();
    // The second column scrolls (a last column may be pinned to the right edge, like a total).
    const secondHeader = table.locator("thead th").nth(1);
    const secondBefore = (await box(secondHeader)).x;
    await scroller.scrollIntoViewIfNeeded();
    expect(await scrollSideways(scroller)).toBeGreaterThan(0);
    await expect.poll(async () => (await box(secondHeader)).x).toBeLessThan(secondBefore);

    const scrollerBox = await box(scroller);
    for (const pinned of [firstHeader, firstCell]) {
      const b = await box(pinned);
      expect(b.x).toBeGreaterThanOrEqual(scrollerBox.x - 1);
      expect(b.x + b.width).toBeLessThanOrEqual(viewport);
      // Nothing scrolled underneath paints over it.
      expect(await paintedAtCentre(page, pinned)).toBe((await pinned.textContent())?.trim());
    }
  });
}

test("findings are cards on a phone and a table on a desktop", async ({ page }) => {
  const [top] = await e2eQuery<{ title: string }>(
    "SELECT title FROM finding WHERE status = 'open' AND (muted_until IS NULL OR muted_until <= now()) ORDER BY CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END LIMIT 1",
  );
  await page.goto("/findings");
  const cards = page.getByRole("list", { name: /^Findings/ });
  await expect(cards.getByRole("listitem").first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("table", { name: /^Findings/ })).toBeHidden();
  const card = cards.getByRole("listitem").first();
  // A card reads as label and value pairs, the finding's title among them.
  await expect(card.getByText("Severity", { exact: true })).toBeVisible();
  await expect(cards).toContainText(top?.title ?? "");
  const viewport = page.viewportSize()?.width ?? 390;
  const b = await box(card);
  expect(b.x).toBeGreaterThanOrEqual(0);
  expect(b.x + b.width).toBeLessThanOrEqual(viewport);

  await page.setViewportSize(DESKTOP);
  await expect(page.getByRole("table", { name: /^Findings/ })).toBeVisible();
  await expect(cards).toBeHidden();
});

test("runs are cards on a phone and a table on a desktop", async ({ page }) => {
  await page.goto("/runs");
  const cards = page.getByRole("list", { name: "Collection runs" });
  await expect(cards.getByRole("listitem").first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("table", { name: "Collection runs" })).toBeHidden();
  await expect(cards.getByRole("listitem").first()).toContainText("Status");
  await expect(cards.getByRole("listitem").first().getByRole("link")).toBeVisible();

  await page.setViewportSize(DESKTOP);
  await expect(page.getByRole("table", { name: "Collection runs" })).toBeVisible();
  await expect(cards).toBeHidden();
});

test("account requests are cards that fit a phone", async ({ page }) => {
  await page.goto("/requests");
  await expect(page.locator("main h1").first()).toBeVisible();
  const cards = page.locator("main article");
  const count = await cards.count();
  const viewport = page.viewportSize()?.width ?? 390;
  for (let i = 0; i < count; i++) {
    const b = await box(cards.nth(i));
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(viewport);
  }
});
