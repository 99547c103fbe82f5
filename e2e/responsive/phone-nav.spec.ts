// The phone menu as a person uses it: opens from the top bar, keeps focus inside, navigates and closes,
// closes on Escape, and signs out.
import { expect, test } from "@playwright/test";
import { storageStatePath } from "../support/auth";

test.use({ storageState: storageStatePath("analyst") });

// Runs in the phone project only (playwright.config.ts): the menu button exists below the md breakpoint.
test("the menu navigates, traps focus, closes on Escape and reaches sign-out", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  const menu = page.getByRole("button", { name: "Menu", exact: true });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  const dialog = page.getByRole("dialog", { name: "Menu" });
  await expect(dialog).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "true");

  // Tabbing through every control of the menu and beyond stays inside it (the page behind is inert).
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press("Tab");
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }

  await dialog.getByRole("link", { name: "Findings" }).click();
  await expect(page).toHaveURL(/\/findings/);
  await expect(dialog).toBeHidden();
  await expect(page.locator("main h1")).toHaveText("Findings");

  await menu.click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(menu).toBeFocused();

  await menu.click();
  await expect(dialog.getByTestId("user-role")).toHaveText("analyst");
  await dialog.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
});
