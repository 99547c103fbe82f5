// The runs page shows the final months a run refetched for late corrections, with the figures the
// database holds; the demo's late correction is a credit in a closed month.
import { expect, test } from "@playwright/test";
import { formatMoney, formatMonth } from "../lib/format/money";
import { e2eQuery } from "../testing/e2e-db";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { restoreSession } from "./support/auth";

interface RefetchedRow {
  run_id: string;
  month: string;
  previous_total: string;
  current_total: string;
  difference: string;
  period_closed: boolean;
}

const cents = (v: string) => formatMoney(v, { cents: true });

test("an admin sees which months a run refetched, before and after, and follows a closed month to its chargeback", async ({
  page,
}) => {
  const rows = await e2eQuery<RefetchedRow>(
    `SELECT m.run_id::text, to_char(m.month, 'YYYY-MM-DD') AS month, m.previous_total::text,
            m.current_total::text, (m.current_total - m.previous_total)::text AS difference, m.period_closed
     FROM cost_refetch_month m
     WHERE m.run_id = (SELECT r.run_id FROM cost_refetch r WHERE NOT r.full ORDER BY r.refetched_at DESC LIMIT 1)
     ORDER BY m.month`,
  );
  // The demo refetches its last three final months once, after closing one of them.
  expect(rows).toHaveLength(3);
  const runId = rows[0]?.run_id ?? "";
  await restoreSession(page, "admin");
  await page.goto(`/runs/${runId}`);
  const table = page.getByTestId("run-late-corrections");
  await expect(table.locator("tbody tr")).toHaveCount(rows.length);
  for (const [i, r] of rows.entries()) {
    const cells = table.locator("tbody tr").nth(i).locator("td");
    await expect(cells.nth(0)).toHaveText(formatMonth(r.month));
    await expect(cells.nth(1)).toHaveText(cents(r.previous_total));
    await expect(cells.nth(2)).toHaveText(cents(r.current_total));
    const unchanged = Number(r.difference) === 0;
    await expect(cells.nth(3)).toHaveText(
      unchanged
        ? "unchanged"
        : Number(r.difference) < 0
          ? cents(r.difference)
          : `+${cents(r.difference)}`,
    );
    await expect(cells.nth(4)).toContainText(r.period_closed ? "Closed period" : "Open period");
  }
  const corrected = rows.find((r) => r.period_closed && Number(r.difference) !== 0);
  expect(corrected).toBeDefined();
  await expectNoSeriousA11yViolations(page);

  const link = table.getByRole("link", {
    name: `Closed period: adjustment lines for ${formatMonth(corrected?.month ?? "")}`,
  });
  await expect(link).toHaveAttribute("href", `/chargeback?month=${corrected?.month.slice(0, 7)}`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/chargeback\\?month=${corrected?.month.slice(0, 7)}$`));
  await expect(page.getByRole("heading", { name: "Chargeback", exact: true })).toBeVisible();
});

test("the demo's OU-scoped user cannot read a run, so not its refetched organization totals either", async ({
  page,
}) => {
  const [row] = await e2eQuery<{ run_id: string }>(
    "SELECT r.run_id::text FROM cost_refetch r WHERE NOT r.full ORDER BY r.refetched_at DESC LIMIT 1",
  );
  await restoreSession(page, "scoped");
  // Scoped callers allowed to read runs get lateCorrections: null (lib/server/runs/runs.int.test.ts).
  const res = await page.request.get(`/api/v1/runs/${row?.run_id ?? ""}`);
  expect(res.status()).toBe(403);
  expect(await res.text()).not.toContain("previousTotal");
});
