import { expect as baseExpect, test, type Page } from "@playwright/test";
import { SEVERITIES } from "../lib/domain/checks";
import { AREAS, CHECK_PLAYBOOK } from "../lib/domain/report/playbook-areas";
import { e2eQuery } from "../testing/e2e-db";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { restoreSession } from "./support/auth";
import { scopedOuId, signInScoped } from "./support/scoped-callers";

// The report renders on the server from every open finding: slow on a loaded two-core machine.
test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 60_000 });

const OPEN = "f.status = 'open' AND (f.muted_until IS NULL OR f.muted_until <= now())";
/** A finding under an OU's subtree, as the findings filter defines it (org-wide ones under the root). */
const UNDER_OU = `(
  f.account_id IN (SELECT a.id FROM account a JOIN org_unit o ON o.id = a.ou_id WHERE $1 = ANY(o.path_ids))
  OR (f.account_id IS NULL AND f.ou_id IN (SELECT o.id FROM org_unit o WHERE $1 = ANY(o.path_ids)))
  OR (f.account_id IS NULL AND f.ou_id IS NULL AND EXISTS (SELECT 1 FROM org_unit r WHERE r.id = $1 AND r.parent_id IS NULL)))`;

/** Open, unmuted findings per playbook area and severity, straight from the findings table. */
async function expectedCounts(ou?: string): Promise<Record<string, Record<string, number>>> {
  const rows = await e2eQuery<{ check_id: string; severity: string; n: number }>(
    `SELECT f.check_id, f.severity, count(*)::int AS n FROM finding f WHERE ${OPEN} ${ou ? `AND ${UNDER_OU}` : ""} GROUP BY 1, 2`,
    ou ? [ou] : [],
  );
  const out = Object.fromEntries(
    AREAS.map((a) => [a, Object.fromEntries(SEVERITIES.map((s) => [s, 0]))]),
  );
  for (const r of rows) {
    const area = CHECK_PLAYBOOK[r.check_id]?.area;
    if (!area) throw new Error(`check ${r.check_id} has no playbook area`);
    const bucket = out[area];
    if (bucket) bucket[r.severity] = (bucket[r.severity] ?? 0) + r.n;
  }
  return out;
}

async function shownCounts(page: Page): Promise<Record<string, Record<string, number>>> {
  const summary = page.getByTestId("gap-summary");
  await expect(summary).toBeVisible();
  const out: Record<string, Record<string, number>> = {};
  for (const area of AREAS) {
    const row = summary.locator(`tr[data-summary-area="${area}"]`);
    const counts: Record<string, number> = {};
    for (const s of SEVERITIES)
      counts[s] = Number(await row.locator(`td[data-severity="${s}"]`).innerText());
    out[area] = counts;
  }
  return out;
}

test("the organization's gap report shows counts equal to the findings table, downloads as Markdown, and prints without navigation", async ({
  page,
}) => {
  await restoreSession(page, "analyst");
  await page.goto("/");
  await page.getByRole("link", { name: "Gap report" }).click();
  await expect(page).toHaveURL(/\/reports\/gap$/);
  await expect(page.getByTestId("gap-scope")).toHaveText("Whole organization");
  const expected = await expectedCounts();
  const total = Object.values(expected).reduce(
    (s, a) => s + Object.values(a).reduce((x, y) => x + y, 0),
    0,
  );
  expect(total).toBeGreaterThan(0);
  expect(await shownCounts(page)).toEqual(expected);
  await expect(page.getByTestId("gap-total-open")).toHaveText(String(total));
  // Every area has a section with its status in words, and the plan lists phase 1 first.
  for (const area of AREAS)
    await expect(
      page.locator(`section[data-area="${area}"]`).getByTestId("area-status"),
    ).toHaveText(/Met|Partly met|Not met/);
  await expect(page.getByRole("heading", { name: /^Phase 1/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download Markdown" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^gap-report-all-\d{4}-\d{2}-\d{2}\.md$/);
  let md = "";
  for await (const chunk of await file.createReadStream()) md += String(chunk);
  expect(md).toContain("# Governance gap report: Whole organization");
  expect(md).toContain(`Open findings: **${total}**`);
  expect(md).toContain("## Remediation plan");

  // Printed: no navigation, the report itself still there, each area starting a new page.
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(nav).toBeHidden();
  await expect(page.getByRole("button", { name: "Print / save as PDF" })).toBeHidden();
  await expect(page.getByTestId("gap-summary")).toBeVisible();
  expect(
    await page
      .locator('section[data-area="identity"]')
      .evaluate((el) => getComputedStyle(el).breakBefore),
  ).toBe("page");
  await page.emulateMedia({ media: "screen" });
});

test("one OU's report counts its subtree; a scoped analyst cannot open another OU's report", async ({
  page,
  browser,
  baseURL,
}) => {
  const ou = await scopedOuId();
  await restoreSession(page, "analyst");
  await page.goto("/reports/gap");
  await page.getByLabel("Scope of the report").selectOption(ou);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`ou=${ou}`));
  const [path] = await e2eQuery<{ path: string }>("SELECT path FROM org_unit WHERE id = $1", [ou]);
  await expect(page.getByTestId("gap-scope")).toHaveText(path?.path ?? "");
  expect(await shownCounts(page)).toEqual(await expectedCounts(ou));

  const context = await signInScoped(browser, baseURL ?? "", "scopedAnalyst");
  try {
    const [outside] = await e2eQuery<{ id: string }>(
      `SELECT o.id FROM org_unit o WHERE o.parent_id IS NOT NULL AND NOT ($1 = ANY(o.path_ids)) LIMIT 1`,
      [ou],
    );
    const scopedPage = await context.newPage();
    const res = await scopedPage.goto(`/reports/gap?ou=${outside?.id}`);
    expect(res?.status()).toBe(404);
    expect((await context.request.get(`/api/v1/reports/gap.md?ou=${outside?.id}`)).status()).toBe(
      404,
    );
    // Their own OU works, and without ?ou= the report covers their OUs only.
    await scopedPage.goto("/reports/gap");
    expect(await shownCounts(scopedPage)).toEqual(await expectedCounts(ou));
  } finally {
    await context.close();
  }
});
