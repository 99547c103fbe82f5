// Settings → Checks in Chromium against the demo: a threshold saved (checked in the database),
// "Re-evaluate now" as a new run of source re-evaluation, a bad value refused beside its field, and
// the page closed to analysts. The spec puts the settings and findings back as it found them.
import { expect, test, type Page } from "@playwright/test";
import { e2eQuery } from "../testing/e2e-db";
import { saveScreenshot } from "../testing/e2e-screenshot";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { restoreSession } from "./support/auth";

test.describe.configure({ timeout: 120_000 });

const storedKeyAge = async () =>
  (
    await e2eQuery<{ value: unknown; updated_by: string | null }>(
      "SELECT value, updated_by FROM setting WHERE key = 'keyMaxAgeDays'",
    )
  )[0] ?? null;

const openKeyFindings = async () =>
  (
    await e2eQuery<{ resource: string }>(
      "SELECT resource FROM finding WHERE check_id = 'IAM_LONG_LIVED_KEYS' AND status = 'open' ORDER BY resource",
    )
  ).map((r) => r.resource);

/** The newest run: what "Re-evaluate now" created, with its evaluation counts. */
async function newestRun() {
  const [run] = await e2eQuery<{
    id: string;
    source: string;
    triggered_by: string;
    summary: unknown;
  }>(
    "SELECT id::text, source, triggered_by, summary FROM collection_run ORDER BY started_at DESC LIMIT 1",
  );
  return run;
}

async function reevaluate(page: Page) {
  await page.getByRole("button", { name: "Re-evaluate now" }).click();
  const status = page.getByRole("status").filter({ hasText: /Re-evaluation/ });
  await expect(status).toBeVisible({ timeout: 60_000 });
  return status;
}

test("an admin changes a threshold, sees it saved, re-evaluates and finds the run on the runs page", async ({
  page,
}) => {
  await restoreSession(page, "admin");
  await page.goto("/settings");
  await page.getByRole("link", { name: "Checks" }).click();
  await expect(page.getByRole("heading", { name: "When changes apply" })).toBeVisible();
  for (const group of ["Tagging", "IAM", "Cost", "Guardrails", "KPIs"])
    await expect(page.getByRole("heading", { name: group, exact: true })).toBeVisible();

  // What the page shows is what the database holds (no stored value: the default).
  expect(await storedKeyAge()).toBeNull();
  const keyAge = page.getByLabel("Access key maximum age", { exact: true });
  await expect(keyAge).toHaveValue("90");
  await expect(page.getByText("Unit: days. Default: 90").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const keysBefore = await openKeyFindings();
  await keyAge.fill("300");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Saved Access key maximum age" }),
  ).toBeVisible();
  expect(await storedKeyAge()).toEqual({ value: 300, updated_by: "admin@demo.orglens" });
  const [audit] = await e2eQuery<{ detail: unknown }>(
    "SELECT detail FROM audit_event WHERE action = 'settings.checks' ORDER BY id DESC LIMIT 1",
  );
  expect(audit?.detail).toEqual({
    changes: { keyMaxAgeDays: { before: 90, after: 300, reset: false } },
  });
  await expect(page.getByLabel("Access key maximum age", { exact: true })).toHaveValue("300");

  // Re-evaluated on the stored evidence: the keys younger than 300 days are no longer findings.
  const status = await reevaluate(page);
  const run = await newestRun();
  expect(run).toMatchObject({ source: "re-evaluation", triggered_by: "admin@demo.orglens" });
  const keysAfter = await openKeyFindings();
  const resolved = keysBefore.filter((k) => !keysAfter.includes(k));
  expect(keysAfter.every((k) => keysBefore.includes(k))).toBe(true);
  await expect(status).toContainText(`${resolved.length} resolved`);
  await saveScreenshot(page, "settings-checks");

  await status.getByRole("link", { name: "See the run" }).click();
  await expect(page).toHaveURL(new RegExp(`/runs/${run?.id}$`));
  await page.goto("/runs");
  const first = page.getByTestId("runs-table").locator("tbody tr").first();
  await expect(first).toContainText("re-evaluation");
  await expect(first).toContainText("by admin@demo.orglens");

  // Back to the default, and the findings with it.
  await page.goto("/settings/checks");
  await page.getByRole("button", { name: "Reset to default (Access key maximum age)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "back to its default" })).toBeVisible();
  expect(await storedKeyAge()).toBeNull();
  await expect(page.getByLabel("Access key maximum age", { exact: true })).toHaveValue("90");
  await expect(await reevaluate(page)).toContainText(`${resolved.length} reopened`);
  expect(await openKeyFindings()).toEqual(keysBefore);
});

test("a bad value is refused with the message beside its field, and nothing is saved", async ({
  page,
}) => {
  await restoreSession(page, "admin");
  await page.goto("/settings/checks");
  const share = page.getByLabel("Maximum untagged spend share", { exact: true });
  await share.fill("1.5");
  await page.getByLabel("SCP deny list", { exact: true }).fill("iam:CreateUser\nnot an action");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(share).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#setting-maxUntaggedShare-error")).toContainText("Too big");
  await expect(page.locator("#setting-scpBaselineDeniedActions-error")).toContainText(
    "service:Action",
  );
  const stored = await e2eQuery(
    "SELECT key FROM setting WHERE key IN ('maxUntaggedShare', 'scpBaselineDeniedActions')",
  );
  expect(stored).toEqual([]);
  await expectNoSeriousA11yViolations(page);
});

test("the Checks tab and page are for admins of the whole organization only", async ({ page }) => {
  for (const role of ["analyst", "scoped"] as const) {
    await page.context().clearCookies();
    await restoreSession(page, role);
    await page.goto("/settings");
    await expect(page.getByRole("link", { name: "Checks" })).toHaveCount(0);
    const res = await page.goto("/settings/checks");
    expect(res?.status()).toBe(403);
    expect((await page.request.get("/api/v1/settings/checks")).status()).toBe(403);
  }
});
