import { expect as baseExpect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { checkDefinition, SEVERITIES } from "../lib/domain/checks";
import { e2eQuery } from "../testing/e2e-db";
import { saveScreenshot } from "../testing/e2e-screenshot";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { FindingsPage } from "./pages/findings-page";
import { restoreSession } from "./support/auth";

// Every test signs in and waits on a production server that shares two cores with other suites.
test.describe.configure({ timeout: 120_000 });
// The first request renders the findings page cold; do it once here so each test's page is quick.
test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await restoreSession(page, "analyst");
  await page.goto("/findings");
  await page.getByTestId("count-critical").filter({ hasText: /\d/ }).waitFor({ timeout: 90_000 });
  await page.close();
});
// API answers can take several seconds on the loaded test machine.
const expect = baseExpect.configure({ timeout: 30_000 });

const OPEN =
  "status = 'open' AND (muted_until IS NULL OR muted_until <= now()) AND exception_rule_id IS NULL";
const RANK = "array_position(ARRAY['critical','high','medium','low','info']::text[], severity)";

async function openCounts(): Promise<Record<string, number>> {
  const rows = await e2eQuery<{ severity: string; n: number }>(
    `SELECT severity, count(*)::int AS n FROM finding WHERE ${OPEN} GROUP BY severity`,
  );
  return Object.fromEntries(SEVERITIES.map((s) => [s, rows.find((r) => r.severity === s)?.n ?? 0]));
}

test("the default view lists open, unmuted findings most severe first, with counts equal to the database", async ({
  page,
}) => {
  await restoreSession(page, "analyst");
  const findings = new FindingsPage(page);
  await page.goto("/");
  await page.getByRole("link", { name: "Findings", exact: true }).click();
  await expect(page).toHaveURL(/\/findings$/);
  const counts = await openCounts();
  expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(5);
  await findings.expectCounts(counts);

  const expected = await e2eQuery<{ id: string }>(
    `SELECT id::text FROM finding WHERE ${OPEN} ORDER BY ${RANK}, fingerprint`,
  );
  await expect.poll(() => findings.shownIds()).toEqual(expected.map((r) => r.id));
  await saveScreenshot(page, "findings");
  await expectNoSeriousA11yViolations(page);
  await page.evaluate(() => document.documentElement.classList.add("dark"));
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, "findings-dark");
});

test("filters by check and severity live in the URL and survive a reload; the export is exactly the filtered list", async ({
  page,
}) => {
  await restoreSession(page, "analyst");
  const findings = new FindingsPage(page);
  const [pick] = await e2eQuery<{ check_id: string; severity: string }>(
    `SELECT check_id, severity FROM finding WHERE ${OPEN} GROUP BY check_id, severity ORDER BY count(*) DESC, check_id LIMIT 1`,
  );
  if (!pick) throw new Error("no open findings in the demo database");
  await findings.open();
  await findings.checkFilter.selectOption(pick.check_id);
  await findings.severityFilter.selectOption(pick.severity);
  await expect(page).toHaveURL(new RegExp(`check=${pick.check_id}.*severity=${pick.severity}`));
  await page.reload();
  await expect(findings.checkFilter).toHaveValue(pick.check_id);
  await expect(findings.severityFilter).toHaveValue(pick.severity);

  const expected = await e2eQuery<{ id: string }>(
    `SELECT id::text FROM finding WHERE ${OPEN} AND check_id = $1 AND severity = $2 ORDER BY fingerprint`,
    [pick.check_id, pick.severity],
  );
  await expect.poll(() => findings.shownIds()).toEqual(expected.map((r) => r.id));
  await expect(findings.total).toContainText(`${expected.length} finding`);

  const href = await page.getByRole("link", { name: /Export CSV/ }).getAttribute("href");
  const res = await page.request.get(href ?? "");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/csv");
  const records: Record<string, string>[] = parse(await res.text(), { columns: true });
  expect(records.map((r) => r.id)).toEqual(expected.map((r) => r.id));
  expect(new Set(records.map((r) => r.check_id))).toEqual(new Set([pick.check_id]));
});

test("an analyst opens a finding, sees its remediation, mutes it and unmutes it", async ({
  page,
}) => {
  await restoreSession(page, "analyst");
  const findings = new FindingsPage(page);
  const [f] = await e2eQuery<{ id: string; title: string; severity: string; check_id: string }>(
    `SELECT id::text, title, severity, check_id FROM finding WHERE ${OPEN} AND account_id IS NOT NULL ORDER BY ${RANK}, fingerprint LIMIT 1`,
  );
  if (!f) throw new Error("no open account finding");
  const before = await openCounts();
  await findings.open(`?check=${f.check_id}`);
  await page.locator(`[data-finding-id="${f.id}"]`).getByRole("link", { name: f.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: f.title })).toBeVisible();
  await expect(page.getByTestId("remediation")).toHaveText(
    checkDefinition(f.check_id)?.remediation ?? "missing",
  );
  await expect(page.getByTestId("finding-history")).toContainText("Opened");
  await saveScreenshot(page, "finding-detail");
  await expectNoSeriousA11yViolations(page);

  const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const reason = "Accepted until the SSO migration (e2e)";
  await page.getByLabel("Reason").fill(reason);
  await page.getByLabel(/Muted until/).fill(until);
  await page.getByRole("button", { name: "Mute finding" }).click();
  await expect(page.getByTestId("mute-state")).toContainText(reason);
  await expect(page.getByTestId("finding-history")).toContainText("Muted");
  await page.evaluate(() => document.documentElement.classList.add("dark"));
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, "finding-detail-muted-dark");

  await findings.open();
  await findings.expectCounts({ ...before, [f.severity]: (before[f.severity] ?? 0) - 1 });
  await expect(page.locator(`[data-finding-id="${f.id}"]`)).toHaveCount(0);
  await page.getByRole("button", { name: /^Muted/ }).click();
  await expect(page).toHaveURL(/status=muted/);
  const row = page.locator(`[data-finding-id="${f.id}"]`);
  await expect(row).toContainText(reason);
  await expect(row).toContainText("analyst");
  const [audit] = await e2eQuery<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_event WHERE action = 'finding.mute' AND target = $1",
    [f.id],
  );
  expect(audit?.n).toBe(1);

  await page.goto(`/findings/${f.id}`);
  await page.getByRole("button", { name: "Unmute" }).click();
  await expect(page.getByRole("button", { name: "Mute finding" })).toBeVisible();
  await findings.open();
  await findings.expectCounts(before);
  await expect(page.locator(`[data-finding-id="${f.id}"]`)).toHaveCount(1);
});

test("the API refuses a mute without reason or beyond the maximum expiry", async ({ page }) => {
  await restoreSession(page, "analyst");
  const [f] = await e2eQuery<{ id: string }>(`SELECT id::text FROM finding WHERE ${OPEN} LIMIT 1`);
  const url = `/api/v1/findings/${f?.id}/mute`;
  const far = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
  expect(
    (await page.request.post(url, { data: { reason: "", until: "2099-01-01" } })).status(),
  ).toBe(400);
  expect(
    (await page.request.post(url, { data: { reason: "long enough", until: far } })).status(),
  ).toBe(400);
  expect(
    (
      await page.request.post(url, { data: { reason: "long enough", until: "2001-01-01" } })
    ).status(),
  ).toBe(400);
  expect((await page.request.delete(url)).status()).toBe(409);
});

test("a viewer cannot open the findings page", async ({ page }) => {
  await restoreSession(page, "viewer");
  const findings = new FindingsPage(page);
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Findings", exact: true })).toHaveCount(0);
  await findings.open();
  await expect(
    page.getByRole("heading", { name: "You do not have access to this page" }),
  ).toBeVisible();
});

test("an OU-scoped analyst gets only the findings under their OUs; one outside is not found", async ({
  page,
}) => {
  // The demo's scoped user is a viewer (no findings access): promote the binding for this test only.
  const [binding] = await e2eQuery<{ role: string }>(
    `SELECT role FROM role_binding WHERE "group" = 'orglens-demo-bu-lead'`,
  );
  await e2eQuery(`UPDATE role_binding SET role = 'analyst' WHERE "group" = 'orglens-demo-bu-lead'`);
  try {
    await restoreSession(page, "scoped");
    const visible = `(
      f.account_id IN (SELECT a.id FROM account a JOIN org_unit o ON o.id = a.ou_id, role_binding b WHERE b."group" = 'orglens-demo-bu-lead' AND o.path_ids && b.ou_ids)
      OR (f.account_id IS NULL AND f.ou_id IN (SELECT o.id FROM org_unit o, role_binding b WHERE b."group" = 'orglens-demo-bu-lead' AND o.path_ids && b.ou_ids)))`;
    const inside = await e2eQuery<{ id: string }>(
      `SELECT f.id::text FROM finding f WHERE ${visible} ORDER BY f.id`,
    );
    const [outside] = await e2eQuery<{ id: string }>(
      `SELECT f.id::text FROM finding f WHERE NOT ${visible} LIMIT 1`,
    );
    const [all] = await e2eQuery<{ n: number }>("SELECT count(*)::int AS n FROM finding");
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.length).toBeLessThan(all?.n ?? 0);

    const res = await page.request.get("/api/v1/findings?status=all&limit=500");
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { items: { id: string }[] };
    expect(body.items.map((i) => i.id).toSorted()).toEqual(inside.map((r) => r.id).toSorted());
    expect((await page.request.get(`/api/v1/findings/${outside?.id}`)).status()).toBe(404);
    expect(
      (
        await page.request.post(`/api/v1/findings/${outside?.id}/mute`, {
          data: {
            reason: "not mine",
            until: new Date(Date.now() + 86_400_000 * 10).toISOString().slice(0, 10),
          },
        })
      ).status(),
    ).toBe(404);

    const csv: Record<string, string>[] = parse(
      await (await page.request.get("/api/v1/findings/export?status=all")).text(),
      { columns: true },
    );
    expect(csv.map((r) => r.id).toSorted()).toEqual(inside.map((r) => r.id).toSorted());
  } finally {
    await e2eQuery(`UPDATE role_binding SET role = $1 WHERE "group" = 'orglens-demo-bu-lead'`, [
      binding?.role ?? "viewer",
    ]);
  }
});
