import { expect, test } from "@playwright/test";
import { e2eQuery } from "../testing/e2e-db";
import { saveScreenshot } from "../testing/e2e-screenshot";

test("the home page loads", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/OrgLens/);
  await saveScreenshot(page, "home");
});

test("specs can query the server's database, which holds the demo organization", async () => {
  const rows = await e2eQuery<{ n: number }>("SELECT count(*)::int AS n FROM organization");
  expect(rows[0]?.n).toBe(1);
});
