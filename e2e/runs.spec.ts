import { expect, test } from "@playwright/test";
import { e2eQuery } from "../testing/e2e-db";
import { saveScreenshot } from "../testing/e2e-screenshot";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { restoreSession } from "./support/auth";

interface RunRow {
  id: string;
  status: string;
  source: string;
  triggered_by: string | null;
  errors: number;
}

test("an admin starts a collection run, watches it finish, and finds it in the list", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const [before] = await e2eQuery<{ n: number }>("SELECT count(*)::int AS n FROM collection_run");
  await restoreSession(page, "admin");
  await page.goto("/runs");
  await expect(page.getByRole("heading", { name: "Collection runs" })).toBeVisible();
  await expect(page.getByTestId("runs-table").locator("tbody tr")).toHaveCount(before?.n ?? 0);

  await page.getByRole("button", { name: "Run collection now" }).click();
  const progress = page.getByTestId("run-progress");
  await expect(progress).toBeVisible();
  await expect(progress.getByRole("progressbar", { name: "Collection progress" })).toBeVisible();
  // One run at a time: a second start while this one runs is refused.
  const second = await page.request.post("/api/v1/runs", { data: {} });
  expect(second.status()).toBe(409);

  await expect(progress.getByRole("heading")).toHaveText(/Collection finished/, {
    timeout: 180_000,
  });
  const [run] = await e2eQuery<RunRow>(
    `SELECT r.id, r.status, r.source, r.triggered_by, (SELECT count(*)::int FROM run_account_error e WHERE e.run_id = r.id) AS errors
     FROM collection_run r ORDER BY started_at DESC LIMIT 1`,
  );
  expect(run).toMatchObject({ source: "demo", triggered_by: "admin@demo.orglens" });
  // The demo plants accounts that cannot be audited, so a complete demo run ends "partial".
  expect(["succeeded", "partial"]).toContain(run?.status);
  await expect(progress.getByTestId("run-status")).toHaveText(run?.status ?? "");
  await expect(progress.getByTestId("run-phase")).toContainText("done");
  await expect(progress.getByRole("progressbar")).toHaveAttribute("aria-valuenow", /\d+/);

  // The list has refreshed with the new run on top.
  const rows = page.getByTestId("runs-table").locator("tbody tr");
  await expect(rows).toHaveCount((before?.n ?? 0) + 1);
  await expect(rows.first()).toHaveAttribute("data-row-id", run?.id ?? "");
  await expect(rows.first().getByTestId("run-status")).toHaveText(run?.status ?? "");
  const [audit] = await e2eQuery<{ target: string }>(
    "SELECT target FROM audit_event WHERE action = 'runs.trigger' ORDER BY id DESC LIMIT 1",
  );
  expect(audit?.target).toBe(run?.id);
  await saveScreenshot(page, "runs");
  await expectNoSeriousA11yViolations(page);

  // Its detail page lists the per-account errors stored for it.
  await rows.first().getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/runs/${run?.id}$`));
  await expect(page.getByText(`Per-account errors (${run?.errors})`)).toBeVisible();
  await expect(page.getByTestId("run-errors").locator("tbody tr")).toHaveCount(
    Math.max(1, Math.min(50, run?.errors ?? 0)),
  );
  await saveScreenshot(page, "run-detail");
  await expectNoSeriousA11yViolations(page);
  await page.evaluate(() => document.documentElement.classList.add("dark"));
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, "run-detail-dark");
});

test("an analyst sees the runs but may not start one", async ({ page }) => {
  await restoreSession(page, "analyst");
  await page.goto("/runs");
  await expect(page.getByTestId("runs-table").locator("tbody tr").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Run collection now" })).toHaveCount(0);
  expect((await page.request.post("/api/v1/runs", { data: {} })).status()).toBe(403);
});

test("a viewer gets the 403 page for the runs", async ({ page }) => {
  await restoreSession(page, "viewer");
  const res = await page.goto("/runs");
  expect(res?.status()).toBe(403);
  await expect(
    page.getByRole("heading", { name: "You do not have access to this page" }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Collection runs" })).toHaveCount(0);
  expect((await page.request.get("/api/v1/runs")).status()).toBe(403);
  await expectNoSeriousA11yViolations(page);
});
