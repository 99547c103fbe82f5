// The Commitments page on the demo organization: figures as stored in commitment_coverage /
// commitment_usage, and a scoped caller who sees only their OUs' accounts' commitments.
import { expect, test } from "@playwright/test";
import { formatMoney } from "../lib/format/money";
import { ZCommitmentsResponse } from "../lib/api/commitments";
import { e2eQuery } from "../testing/e2e-db";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { restoreSession } from "./support/auth";
import { scopedOuId, signInScoped } from "./support/scoped-callers";

test.describe.configure({ timeout: 120_000 });

const LAST_FULL_MONTH = `(SELECT max(month) FROM commitment_coverage WHERE month < date_trunc('month', now() AT TIME ZONE 'UTC')::date)`;

test("a viewer opens Commitments from the navigation and reads the last full month's coverage, on-demand and unused cost, and the plan expiring within 60 days, as stored", async ({
  page,
}) => {
  const [sp] = await e2eQuery<{ pct: string; on_demand: string }>(
    `SELECT round(sum(covered) / sum(total) * 100, 2)::text AS pct, sum(on_demand_cost)::text AS on_demand
     FROM commitment_coverage WHERE kind = 'savings_plan' AND month = ${LAST_FULL_MONTH}`,
  );
  const [all] = await e2eQuery<{ on_demand: string }>(
    `SELECT sum(on_demand_cost)::text AS on_demand FROM commitment_coverage WHERE month = ${LAST_FULL_MONTH}`,
  );
  const [usage] = await e2eQuery<{ unused: string; pct: string }>(
    `SELECT sum(unused)::text AS unused, round(sum(used) / sum(commitment) * 100, 2)::text AS pct
     FROM commitment_usage WHERE month = ${LAST_FULL_MONTH}`,
  );
  const expiring = await e2eQuery<{ commitment_id: string }>(
    `SELECT DISTINCT commitment_id FROM commitment_usage
     WHERE ends_at >= now() AND ends_at <= now() + interval '60 days'`,
  );
  expect(Number(sp?.pct)).toBeGreaterThanOrEqual(60);
  expect(Number(sp?.pct)).toBeLessThanOrEqual(78);
  expect(expiring).toHaveLength(1);

  await restoreSession(page, "viewer");
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Commitments" })
    .click();
  await expect(page.getByRole("heading", { name: "Commitments", level: 1 })).toBeVisible();

  await expect(page.getByTestId("stat-sp-coverage")).toHaveText(`${Number(sp?.pct).toFixed(1)}%`);
  await expect(page.getByTestId("stat-utilization")).toHaveText(
    `${Number(usage?.pct).toFixed(1)}%`,
  );
  await expect(page.getByTestId("stat-on-demand")).toHaveText(
    formatMoney(all?.on_demand ?? "0", { cents: true }),
  );
  await expect(page.getByTestId("stat-unused")).toHaveText(
    formatMoney(usage?.unused ?? "0", { cents: true }),
  );
  // Sp coverage is not on-demand: the SP-only figure differs from the total shown (RI on-demand adds).
  expect(sp?.on_demand).not.toBe(all?.on_demand);
  await expect(page.getByTestId("expiring-60")).toHaveText("1");
  await expect(page.getByTestId("expiring-30")).toHaveText("0");
  const table = page.getByTestId("expiring-table");
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).toContainText("Savings Plan · Compute (Any region)");
  await expect(
    page.getByRole("img", { name: /coverage and utilization in percent/ }),
  ).toBeVisible();
  await expect(page.locator(".recharts-line").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("a scoped analyst's commitments hold only accounts under their OU: no other OU's coverage and no plan bought outside it", async ({
  browser,
  baseURL,
}) => {
  const ou = await scopedOuId();
  const inScope = new Set(
    (
      await e2eQuery<{ id: string }>(
        `SELECT a.id FROM account a JOIN org_unit o ON o.id = a.ou_id WHERE $1 = ANY(o.path_ids)`,
        [ou],
      )
    ).map((r) => r.id),
  );
  const outside = await e2eQuery<{ account_id: string }>(
    `SELECT DISTINCT account_id FROM commitment_coverage WHERE month = ${LAST_FULL_MONTH}
     AND account_id NOT IN (SELECT a.id FROM account a JOIN org_unit o ON o.id = a.ou_id WHERE $1 = ANY(o.path_ids))`,
    [ou],
  );
  const owners = await e2eQuery<{ account_id: string }>(
    "SELECT DISTINCT account_id FROM commitment_usage",
  );
  expect(outside.length).toBeGreaterThan(0);

  const sue = await signInScoped(browser, baseURL ?? "", "scopedAnalyst");
  try {
    const res = await sue.request.get("/api/v1/commitments?months=12");
    expect(res.status()).toBe(200);
    const body = ZCommitmentsResponse.parse(await res.json());
    for (const a of body.accounts) expect(inScope.has(a.accountId), a.accountId).toBe(true);
    for (const e of body.expiring) expect(inScope.has(e.accountId), e.accountId).toBe(true);
    // The management account's plans (the organization's) are outside the business-unit OU.
    const outsideOwners = owners.filter((o) => !inScope.has(o.account_id));
    expect(outsideOwners.length).toBeGreaterThan(0);
    expect(body.expiring.map((e) => e.accountId)).not.toContain(outsideOwners[0]?.account_id);
    // The payer's error text is not for a scoped caller.
    for (const s of body.status) expect(s.message).toBe("");

    const wrong = await sue.request.get("/api/v1/commitments?months=7");
    expect(wrong.status()).toBe(400);
    expect(await wrong.json()).toMatchObject({ fields: [{ path: "months" }] });
  } finally {
    await sue.close();
  }
});
