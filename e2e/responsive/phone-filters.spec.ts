// Filter bars on a phone (390 px) wrap onto more lines instead of pushing controls off the screen:
// every control of the page is on screen, except those inside a box that scrolls sideways on purpose
// (a wide table, the OU tree).
import { expect, test, type Locator, type Page } from "@playwright/test";
import { storageStatePath } from "../support/auth";

test.use({ storageState: storageStatePath("admin") });

/** A control of the filter bar: once it shows, the bar has rendered. */
const PAGES: { name: string; path: string; ready: (page: Page) => Locator }[] = [
  {
    name: "findings",
    path: "/findings",
    ready: (page) => page.getByRole("combobox", { name: "Check" }),
  },
  {
    name: "costs",
    path: "/costs",
    ready: (page) => page.getByRole("combobox", { name: /^Group by/ }),
  },
  { name: "organization", path: "/organization", ready: (page) => page.getByRole("searchbox") },
  {
    name: "requests",
    path: "/requests",
    ready: (page) => page.getByRole("combobox", { name: /^Status/ }),
  },
];

for (const p of PAGES) {
  test(`${p.name}: every filter control is on screen`, async ({ page }) => {
    await page.goto(p.path);
    await expect(p.ready(page)).toBeVisible({ timeout: 30_000 });
    await page.waitForLoadState("networkidle");
    const viewport = page.viewportSize()?.width ?? 390;
    const off = await page.locator("main").evaluate((main, width) => {
      const scrolledOnPurpose = (el: Element) =>
        el.closest("table, [role=tree], [role=region], .recharts-wrapper") !== null;
      return [...main.querySelectorAll("input, select, button, textarea")]
        .filter((el) => !scrolledOnPurpose(el))
        .map((el) => ({
          r: el.getBoundingClientRect(),
          name: el.getAttribute("aria-label") ?? el.textContent?.trim() ?? el.tagName,
        }))
        .filter(({ r }) => r.width > 0 && r.height > 0 && (r.left < 0 || r.right > width))
        .map(({ r, name }) => `${name}: ${Math.round(r.left)}–${Math.round(r.right)}`);
    }, viewport);
    expect(off, "controls outside the window").toEqual([]);
  });
}
