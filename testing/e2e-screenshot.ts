// Screenshots a spec keeps for people to look at (e2e/screenshots is git-ignored); failure
// screenshots and traces go to test-results on their own.
import path from "node:path";
import type { Page } from "@playwright/test";
import { ROOT } from "./root";

export const SCREENSHOT_DIR = path.join(ROOT, "e2e", "screenshots");

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
