import { expect, type Page } from "@playwright/test";
import type { TestRole } from "./auth";

const LABELS: Record<TestRole, string> = {
  admin: "Admin",
  analyst: "FinOps analyst",
  viewer: "Viewer",
  scoped: "Business-unit lead",
};

/** Signs in through the sign-in page's demo buttons, as a person would. */
export async function signInAs(page: Page, role: TestRole): Promise<void> {
  await page.goto("/signin");
  await page.getByRole("button", { name: new RegExp(`Continue as ${LABELS[role]}`) }).click();
  await expect(page.getByTestId("user-role")).toBeVisible();
}
