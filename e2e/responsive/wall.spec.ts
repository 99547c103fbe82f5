// The overview's wall-screen mode at 1920 × 1080: large type and no controls; it picks up a new
// collection run without a reload, and keeps its figures on screen while the server is unreachable.
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { e2eQuery } from "../../testing/e2e-db";
import { saveScreenshot } from "../../testing/e2e-screenshot";
import { expectNoSeriousA11yViolations } from "../support/a11y";
import { signInDemo, storageStatePath } from "../support/auth";

test.use({ storageState: storageStatePath("viewer") });

const WALL = "/?display=wall&refresh=5";

test("the wall screen shows the stored figures in large type, with no navigation or controls", async ({
  page,
}) => {
  await page.goto(WALL);
  const wall = page.getByTestId("wall-display");
  await expect(wall).toHaveAttribute("data-refresh-ms", "5000");
  const [accounts] = await e2eQuery<{ n: number }>(
    "SELECT count(*)::int AS n FROM account WHERE removed_at IS NULL",
  );
  await expect(page.getByTestId("wall-accounts")).toHaveText(
    (accounts?.n ?? 0).toLocaleString("en-US"),
  );
  const [open] = await e2eQuery<{ n: number }>(
    "SELECT count(*)::int AS n FROM finding WHERE status = 'open' AND (muted_until IS NULL OR muted_until <= now())",
  );
  await expect(page.getByTestId("wall-open-findings")).toHaveText(
    (open?.n ?? 0).toLocaleString("en-US"),
  );
  await expect(page.getByRole("navigation")).toHaveCount(0);
  await expect(page.getByRole("button")).toHaveCount(0);
  await expect(page.getByRole("combobox")).toHaveCount(0);
  // Readable from across the room: KPI values at least 40 px high.
  const size = await page
    .locator("[data-testid^='kpi-value-']")
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(40);
  await expect
    .poll(() => page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - innerWidth))
    .toBeLessThanOrEqual(0);
  await saveScreenshot(page, "wall-overview");
  await expectNoSeriousA11yViolations(page);
});

test("a new collection run shows on the wall without a reload", async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  await page.goto(WALL);
  const lastRun = page.getByTestId("wall-last-run");
  await expect(lastRun).not.toHaveText("");
  const before = await lastRun.textContent();
  // A marker on the window survives only if the page is never reloaded.
  await page.evaluate(() => Object.assign(window, { wallMarker: "kept" }));
  const [prev] = await e2eQuery<{ n: number }>("SELECT count(*)::int AS n FROM collection_run");

  const admin = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: baseURL ? { origin: new URL(baseURL).origin } : {},
  });
  await signInDemo(admin, "admin");
  const started = await admin.post("/api/v1/runs", { data: {} });
  expect(started.status()).toBe(202);
  await admin.dispose();
  await expect
    .poll(
      async () =>
        (
          await e2eQuery<{ n: number }>(
            "SELECT count(*)::int AS n FROM collection_run WHERE finished_at IS NOT NULL",
          )
        )[0]?.n,
      { timeout: 240_000 },
    )
    .toBe((prev?.n ?? 0) + 1);

  await expect(lastRun).not.toHaveText(before ?? "", { timeout: 20_000 });
  expect(await page.evaluate(() => (window as Window & { wallMarker?: string }).wallMarker)).toBe(
    "kept",
  );
});

test("while the server is unreachable the wall keeps its figures and says since when", async ({
  page,
}) => {
  await page.goto(WALL);
  const accounts = page.getByTestId("wall-accounts");
  await expect(accounts).not.toHaveText("");
  const shown = await accounts.textContent();
  await expect(page.getByTestId("wall-status")).toHaveText(/^Updated /);

  await page.route("**/api/v1/**", (route) => route.abort("connectionrefused"));
  await expect(page.getByTestId("wall-status")).toHaveText(
    /Server unreachable · showing data from .* · retrying every 5 s/,
    { timeout: 15_000 },
  );
  await expect(accounts).toHaveText(shown ?? "");

  await page.unroute("**/api/v1/**");
  await expect(page.getByTestId("wall-status")).toHaveText(/^Updated /, { timeout: 15_000 });
  await expect(accounts).toHaveText(shown ?? "");
});
