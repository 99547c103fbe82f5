// Charts on a phone (390 px): they fit the screen and their x-axis labels stay readable — enough of
// them to place the bars in time, none drawn over another.
import { expect, test, type Page } from "@playwright/test";
import { e2eQuery } from "../../testing/e2e-db";
import { storageStatePath } from "../support/auth";

test.use({ storageState: storageStatePath("admin") });

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  text: string;
}

/** Every x-axis tick label of every chart on the page, chart by chart. */
async function xTickBoxes(page: Page): Promise<Box[][]> {
  return page.locator("main .recharts-wrapper").evaluateAll((charts) =>
    charts.map((chart) =>
      [
        ...chart.querySelectorAll(
          ".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value",
        ),
      ].map((t) => {
        const r = t.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height, text: t.textContent ?? "" };
      }),
    ),
  );
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function accountWithSpend(): Promise<string> {
  const [row] = await e2eQuery<{ id: string }>(
    "SELECT account_id AS id FROM cost_account_month GROUP BY account_id ORDER BY sum(unblended) DESC LIMIT 1",
  );
  if (!row) throw new Error("the demo should have spend");
  return row.id;
}

const PAGES = [
  { name: "overview", path: () => Promise.resolve("/") },
  { name: "costs", path: () => Promise.resolve("/costs") },
  { name: "account", path: async () => `/accounts/${await accountWithSpend()}` },
];

for (const p of PAGES) {
  test(`${p.name}: x-axis labels do not overlap and fit the screen`, async ({ page }) => {
    await page.goto(await p.path());
    await expect(
      page.locator("main .recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value").first(),
    ).toBeVisible({ timeout: 30_000 });
    await page.waitForLoadState("networkidle");
    const viewport = page.viewportSize()?.width ?? 390;
    // Sparklines hide their axes: only charts that draw an x-axis count.
    const charts = (await xTickBoxes(page)).filter((ticks) => ticks.length > 0);
    expect(charts.length).toBeGreaterThan(0);
    for (const ticks of charts) {
      expect(
        ticks.length,
        "a chart keeps at least three labels on its x-axis",
      ).toBeGreaterThanOrEqual(3);
      for (const t of ticks) {
        expect(t.x, `label ${t.text} starts on screen`).toBeGreaterThanOrEqual(0);
        expect(t.x + t.width, `label ${t.text} ends on screen`).toBeLessThanOrEqual(viewport);
      }
      const clashes = ticks.flatMap((a, i) =>
        ticks
          .slice(i + 1)
          .filter((b) => overlap(a, b))
          .map((b) => `${a.text} × ${b.text}`),
      );
      expect(clashes, "x-axis labels drawn over each other").toEqual([]);
    }
  });
}
