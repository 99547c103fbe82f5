// The OU tree page with every account: navigation start until the tree's first row is visible and
// answers a keypress (ArrowDown moves focus to the next row), in Chromium; DOM size once interactive.
import { chromium } from "playwright-core";
import { median } from "../../lib/domain/kpis/scopes";
import type { BenchServer } from "./server";

export interface OuTreeFigures {
  /** The server computes the tree (the data changed since the last visit). */
  interactiveMs: number;
  /** The server answers from its response cache (nothing changed since someone opened the page). */
  cachedInteractiveMs: number;
  domNodes: number;
}

/** `invalidate` finishes a write transaction, so the next visit's tree is computed, not cached. */
export async function benchOuTree(
  server: BenchServer,
  invalidate: () => Promise<void>,
): Promise<OuTreeFigures> {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox"],
  });
  try {
    const url = new URL(server.baseUrl);
    const context = await browser.newContext();
    await context.addCookies(
      server.cookie.split("; ").map((pair) => {
        const [name = "", ...v] = pair.split("=");
        return { name, value: v.join("="), domain: url.hostname, path: "/" };
      }),
    );
    const page = await context.newPage();
    // A first visit compiles nothing in production, but warms the server's caches like a real user's second visit.
    await page.goto(`${server.baseUrl}/organization`);
    await page.locator('[role="treeitem"]').first().waitFor({ state: "visible", timeout: 60_000 });
    const measure = async (): Promise<number> => {
      await page.goto(`${server.baseUrl}/organization`, { waitUntil: "commit" });
      const first = page.locator('[role="treeitem"]').first();
      await first.waitFor({ state: "visible", timeout: 60_000 });
      await first.focus();
      await page.keyboard.press("ArrowDown");
      await page.waitForFunction(() => {
        const rows = document.querySelectorAll('[role="treeitem"]');
        return rows.length > 1 && document.activeElement === rows[1];
      });
      // performance.now() counts from this navigation's start.
      return page.evaluate(() => Math.round(performance.now()));
    };
    const computed: number[] = [];
    for (let i = 0; i < 3; i++) {
      await invalidate();
      computed.push(await measure());
    }
    const cached = [await measure(), await measure(), await measure()];
    const domNodes = await page.evaluate(() => document.querySelectorAll("*").length);
    return {
      interactiveMs: median(computed) ?? Number.NaN,
      cachedInteractiveMs: median(cached) ?? Number.NaN,
      domNodes,
    };
  } finally {
    await browser.close();
  }
}
