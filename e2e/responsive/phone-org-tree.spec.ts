// The OU tree on a phone (390 px): indentation is capped and the columns that matter come first, so
// even the deepest row still shows its name and its spend on screen.
import { expect, test } from "@playwright/test";
import { storageStatePath } from "../support/auth";

test.use({ storageState: storageStatePath("admin") });

test("the deepest row keeps its name and spend visible", async ({ page }) => {
  await page.goto("/organization");
  await expect(page.getByRole("tree")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Expand all" }).click();
  const levels = await page
    .getByRole("treeitem")
    .evaluateAll((items) => items.map((i) => Number(i.getAttribute("aria-level"))));
  const deepest = Math.max(...levels);
  expect(deepest, "the demo tree has accounts under nested OUs").toBeGreaterThanOrEqual(4);
  const row = page.locator(`[role="treeitem"][aria-level="${deepest}"]`).first();
  await row.scrollIntoViewIfNeeded();
  const viewport = page.viewportSize()?.width ?? 390;

  const name = row.locator("a, [title]").first();
  const nameBox = await name.boundingBox();
  expect(nameBox, "the name is rendered").not.toBeNull();
  // Wide enough for the start of a name to be read, and all of it on screen.
  expect(nameBox?.width ?? 0).toBeGreaterThanOrEqual(60);
  expect(nameBox?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect((nameBox?.x ?? 0) + (nameBox?.width ?? 0)).toBeLessThanOrEqual(viewport);

  const spend = row.locator('[data-cell="spend"]');
  await expect(spend).toBeVisible();
  const spendBox = await spend.boundingBox();
  expect((spendBox?.x ?? 0) + (spendBox?.width ?? 0)).toBeLessThanOrEqual(viewport);
  expect(
    await page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth),
  ).toBeLessThanOrEqual(0);
});
