import { expect, test } from "@playwright/test";
import Decimal from "decimal.js";
import { formatCents, toCentsHalfUp } from "../lib/domain/allocation/largest-remainder";
import { chargeGroupOf } from "../lib/domain/costs/charge-types";
import { formatMoney, formatMonth } from "../lib/format/money";
import { e2eQuery } from "../testing/e2e-db";
import { saveScreenshot } from "../testing/e2e-screenshot";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { ChargebackPage } from "./pages/chargeback-page";
import { restoreSession } from "./support/auth";

test.describe.configure({ timeout: 180_000 });

const money = (cents: bigint) => formatMoney(formatCents(cents), { cents: true });
const LAST_FULL = "(date_trunc('month', now() AT TIME ZONE 'UTC') - interval '1 month')::date";

async function orgTotalCents(monthSql: string): Promise<bigint> {
  const [row] = await e2eQuery<{ total: string }>(
    `SELECT coalesce(sum(unblended), 0)::text AS total FROM cost_monthly WHERE month = ${monthSql}`,
  );
  return toCentsHalfUp(row?.total ?? "0");
}

async function accountId(name: string): Promise<string> {
  const [row] = await e2eQuery<{ id: string }>("SELECT id FROM account WHERE name = $1", [name]);
  return row?.id ?? "";
}

async function lastFullMonth(): Promise<string> {
  const [row] = await e2eQuery<{ m: string }>(`SELECT to_char(${LAST_FULL}, 'YYYY-MM') AS m`);
  return row?.m ?? "";
}

test("the chargeback of last month reconciles to the organization's total, and the CSV holds exactly what the page shows", async ({
  page,
}) => {
  const month = await lastFullMonth();
  const expected = await orgTotalCents(LAST_FULL);
  await restoreSession(page, "analyst");
  const chargeback = new ChargebackPage(page);
  await page.goto("/");
  await page.getByRole("link", { name: "Chargeback" }).click();
  await expect(chargeback.heading).toBeVisible();
  await expect(chargeback.month).toHaveValue(`${month}-01`);
  await expect(chargeback.orgTotal).toHaveText(money(expected));
  await expect(chargeback.chargebackTotal).toHaveText(money(expected));
  await expect(chargeback.reconciliation).toHaveText("✓ Reconciles to the cent");
  await expect(chargeback.tableTotal).toHaveText(money(expected));
  await expect(page.getByTestId("allocation-order")).toContainText("1. Account tag (cost-center)");

  // Drill into a cost center: its accounts add up to its total.
  const first = chargeback.costCenterRows.first();
  const cc = (await first.getAttribute("data-cost-center")) ?? "";
  await first.getByRole("button").click();
  await expect(page).toHaveURL(new RegExp(`cc=${cc}`));
  await expect(page.getByRole("table", { name: `Accounts charged to ${cc}` })).toBeVisible();

  const shown = new Map<string, string>();
  for (const row of await chargeback.costCenterRows.all()) {
    shown.set(
      (await row.getAttribute("data-cost-center")) ?? "",
      (await row.getByTestId("cc-total").textContent()) ?? "",
    );
  }
  const csv = await chargeback.downloadCsv("download-chargeback");
  const byCc = new Map<string, bigint>();
  for (const r of csv.filter((r) => !r.adjusts_month)) {
    expect(r.month).toBe(`${month}-01`);
    expect(toCentsHalfUp(r.direct_cost ?? "") + toCentsHalfUp(r.shared_allocated ?? "")).toBe(
      toCentsHalfUp(r.total ?? ""),
    );
    byCc.set(
      r.cost_center ?? "",
      (byCc.get(r.cost_center ?? "") ?? 0n) + toCentsHalfUp(r.total ?? ""),
    );
  }
  expect(new Map([...byCc].map(([k, v]) => [k, money(v)]))).toEqual(shown);
  expect([...byCc.values()].reduce((a, b) => a + b, 0n)).toBe(expected);

  const [events] = await e2eQuery<{ n: string }>(
    "SELECT count(*)::text AS n FROM audit_event WHERE action = 'export.chargeback' AND target = $1",
    [`${month}-01`],
  );
  expect(Number(events?.n)).toBeGreaterThan(0);
  // The FOCUS export of the same month carries the same money (BilledCost = unblended).
  const focus = await chargeback.downloadCsv("download-focus");
  expect(
    toCentsHalfUp(focus.reduce((s, r) => s.plus(r.BilledCost ?? "0"), new Decimal(0)).toFixed()),
  ).toBe(expected);

  await saveScreenshot(page, "chargeback");
  await expectNoSeriousA11yViolations(page);
  await page.evaluate(() => document.documentElement.classList.add("dark"));
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, "chargeback-dark");
});

test("an analyst previews a draft rule but cannot save it; an estimated month cannot be closed", async ({
  page,
}) => {
  await restoreSession(page, "analyst");
  const chargeback = new ChargebackPage(page);
  await chargeback.open();
  await page.getByRole("button", { name: "Try a rule (preview only)" }).click();
  const form = page.getByRole("form", { name: "Try a shared-cost rule" });
  await form.getByLabel("Name").fill("Network hub");
  await form.getByLabel(/Shared accounts/).selectOption(await accountId("shared-network"));
  await form.getByRole("button", { name: "Add target" }).click();
  await form.getByLabel("Target 1 OU").selectOption({ label: "Root/Workloads" });
  await form.getByRole("button", { name: /^Preview for/ }).click();
  const preview = form.getByTestId("rule-preview");
  await expect(preview).toContainText("the rule shares $");
  await expect(preview).toContainText("unchanged, as a split must leave it");
  await expect(form.getByRole("button", { name: "Save rule" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Close / })).toHaveCount(0);
});

test("an admin saves a shared-cost rule, closes last month (the estimated month cannot be), and re-opens it", async ({
  page,
}) => {
  const month = await lastFullMonth();
  await restoreSession(page, "admin");
  const chargeback = new ChargebackPage(page);
  await chargeback.open(`?month=${month}`);
  await page.getByRole("button", { name: "New rule" }).click();
  const form = page.getByRole("form", { name: "New shared-cost rule" });
  await form.getByLabel("Name").fill("Log archive e2e");
  await form.getByLabel(/Shared accounts/).selectOption(await accountId("log-archive"));
  await form.getByLabel("fixed percentages").check();
  await form.getByRole("button", { name: "Add target" }).click();
  await form.getByLabel("Target 1 OU").selectOption({ label: "Root/Workloads" });
  await form.getByLabel("Target 1 percent").fill("70");
  await form.getByRole("button", { name: "Add target" }).click();
  await form.getByLabel("Target 2 kind").selectOption("costCenter");
  await form.getByLabel("Target 2 cost center").fill("CC-1090");
  await form.getByLabel("Target 2 percent").fill("30");
  await form.getByRole("button", { name: /^Preview for/ }).click();
  await expect(form.getByTestId("rule-preview")).toContainText("CC-1090");
  await form.scrollIntoViewIfNeeded();
  await saveScreenshot(page, "chargeback-rule-preview");
  await expectNoSeriousA11yViolations(page);
  await form.getByRole("button", { name: "Save rule" }).click();
  await expect(
    page.getByTestId("rules-table").locator('tr[data-rule-key="log-archive-e2e"]'),
  ).toContainText("fixed percentages");
  await expect(page.getByTestId("pool").filter({ hasText: "Log archive e2e" })).toBeVisible();
  await expect(chargeback.reconciliation).toHaveText("✓ Reconciles to the cent");
  const [audit] = await e2eQuery<{ n: string }>(
    "SELECT count(*)::text AS n FROM audit_event WHERE action = 'chargeback.rule.create' AND target = 'log-archive-e2e'",
  );
  expect(audit?.n).toBe("1");

  // The current month is still estimated: the button says why it cannot be closed.
  const [current] = await e2eQuery<{ m: string }>(
    "SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM') AS m",
  );
  await chargeback.month.selectOption(`${current?.m}-01`);
  await expect(page.getByTestId("period-state")).toHaveText("Estimated");
  await expect(page.getByRole("button", { name: /^Close / })).toBeDisabled();
  await expect(page.getByTestId("period-gate-reason")).toContainText("not over yet");

  await chargeback.month.selectOption(`${month}-01`);
  await page.getByRole("button", { name: `Close ${formatMonth(`${month}-01`)}` }).click();
  await page.getByRole("button", { name: `Confirm: Close ${formatMonth(`${month}-01`)}` }).click();
  await expect(page.getByTestId("period-state")).toHaveText("Closed");
  await expect(page.getByText("Closed by admin@")).toBeVisible();
  const [frozen] = await e2eQuery<{ total: string }>(
    `SELECT sum(total_cents)::text AS total FROM chargeback_line WHERE month = ${LAST_FULL} AND adjusts_month IS NULL`,
  );
  expect(BigInt(frozen?.total ?? "0")).toBe(await orgTotalCents(LAST_FULL));
  await expect(chargeback.chargebackTotal).toHaveText(money(BigInt(frozen?.total ?? "0")));
  await saveScreenshot(page, "chargeback-closed");

  await page.getByRole("button", { name: `Re-open ${formatMonth(`${month}-01`)}` }).click();
  await page
    .getByRole("button", { name: `Confirm: Re-open ${formatMonth(`${month}-01`)}` })
    .click();
  await expect(page.getByTestId("period-state")).toHaveText("Open");
  // Its issued lines (its own and the adjustments it carried) are withdrawn; the demo's closed month
  // two months back keeps its own.
  const [left] = await e2eQuery<{ n: string }>(
    `SELECT count(*)::text AS n FROM chargeback_line WHERE month = ${LAST_FULL}`,
  );
  expect(left?.n).toBe("0");

  // Leave the shared demo data as found: retire the rule from its first month (it then never applied).
  const rule = page.getByTestId("rules-table").locator('tr[data-rule-key="log-archive-e2e"]');
  await rule.getByRole("button", { name: "Retire Log archive e2e" }).click();
  await rule.getByRole("button", { name: "Confirm retire" }).click();
  await expect(rule).toContainText("retired");
});

test("the charge types card shows what each charge type does and its figures against the stored charges; an admin changes a policy", async ({
  page,
}) => {
  // The latest open month with a credit (the demo grants them in months before its daily window).
  // Not the demo's closed month: AWS's late credit in it came after it was issued, so its frozen
  // lines no longer add up to the stored spend (the difference is the next month's adjustment).
  const [withCredit] = await e2eQuery<{ m: string }>(
    `SELECT to_char(max(month), 'YYYY-MM') AS m FROM cost_charge WHERE record_type = 'Credit'
       AND month NOT IN (SELECT month FROM closed_period WHERE reopened_at IS NULL)`,
  );
  const month = withCredit?.m ?? "";
  const monthSql = `'${month}-01'::date`;
  const orgTotal = await orgTotalCents(monthSql);
  // Exact stored amounts per charge group and how many accounts carry each (every account's part
  // is rounded to the cent once, so a group's total is within that many cents of its exact sum).
  // Charges a shared-cost rule claims (the demo shares the support service and a network account)
  // go to that rule's pool, not to a charge group.
  const charges = await e2eQuery<{ record_type: string; amount: string; accounts: number }>(
    `SELECT c.record_type, sum(c.unblended)::text AS amount, count(DISTINCT c.account_id)::int AS accounts
     FROM cost_charge c
     WHERE c.month = $1::date AND NOT EXISTS (
       SELECT 1 FROM allocation_rule r
       WHERE r.retired_at IS NULL AND r.valid_from <= $1::date AND (r.valid_to IS NULL OR r.valid_to >= $1::date)
         AND (cardinality(r.source_accounts) > 0 OR cardinality(r.source_services) > 0)
         AND (cardinality(r.source_accounts) = 0 OR c.account_id = ANY(r.source_accounts))
         AND (cardinality(r.source_services) = 0 OR c.service = ANY(r.source_services)))
     GROUP BY c.record_type`,
    [`${month}-01`],
  );
  const exact = new Map<string, { amount: Decimal; accounts: number }>();
  for (const c of charges) {
    const g = chargeGroupOf(c.record_type);
    const cur = exact.get(g) ?? { amount: new Decimal(0), accounts: 0 };
    exact.set(g, { amount: cur.amount.plus(c.amount), accounts: cur.accounts + c.accounts });
  }
  expect(exact.get("credits")?.amount.isNegative()).toBe(true);
  expect(exact.get("tax")?.amount.isPositive()).toBe(true);

  await restoreSession(page, "admin");
  await new ChargebackPage(page).open(`?month=${month}`);
  const card = page.getByTestId("charge-policies");
  const shown = async (group: string) =>
    toCentsHalfUp(
      ((await card.getByTestId(`charge-${group}`).getByTestId("charge-amount").textContent()) ?? "")
        .replace(/[$,]/g, "")
        .replace(/^−/, "-"),
    );
  await expect(card.getByTestId("charge-tax")).toContainText("Own line");
  await expect(card.getByTestId("charge-credits")).toContainText("Follows usage");
  await expect(card.getByTestId("charge-support")).toContainText("Split by usage");
  const figures = new Map<string, bigint>();
  for (const g of ["usage", "credits", "commitments", "tax", "support"])
    figures.set(g, await shown(g));
  // The five parts and the shared-cost rules' pools add up to the organization's stored spend to the cent.
  let pooled = 0n;
  for (const pool of await page.getByTestId("pool").all()) {
    const m = /Shared: (-?\$[\d,.]+)/.exec((await pool.textContent()) ?? "");
    pooled += toCentsHalfUp((m?.[1] ?? "").replace(/[$,]/g, ""));
  }
  expect([...figures.values()].reduce((a, b) => a + b, 0n) + pooled).toBe(orgTotal);
  for (const g of ["credits", "commitments", "tax", "support"]) {
    const e = exact.get(g);
    const diff = (figures.get(g) ?? 0n) - toCentsHalfUp(e?.amount.toFixed() ?? "0");
    expect(diff < 0n ? -diff : diff).toBeLessThanOrEqual(BigInt(e?.accounts ?? 0));
  }
  // Support split by usage: the accounts' shares add up to the pool exactly (when a pool is left
  // after the demo's support rule).
  if ((figures.get("support") ?? 0n) !== 0n)
    await expect(card.getByTestId("charge-support")).toContainText(
      `(pool ${money(figures.get("support") ?? 0n)})`,
    );
  await expect(
    page.getByText("Closed months keep the policies they were issued with"),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // An admin moves tax onto the usage it belongs to, then puts the default back.
  await page.getByRole("button", { name: "Change policies" }).click();
  await page.getByLabel("Policy for Tax").selectOption("follow-usage");
  await saveScreenshot(page, "chargeback-charge-policies");
  await page.getByRole("button", { name: "Save policies" }).click();
  await expect(page.getByRole("button", { name: "Save policies" })).toHaveCount(0);
  await expect(card.getByTestId("charge-tax").getByTestId("charge-policy")).toContainText(
    "Follows usage",
  );
  const [stored] = await e2eQuery<{ tax: string }>(
    "SELECT value->>'tax' AS tax FROM setting WHERE key = 'chargebackChargePolicies'",
  );
  expect(stored?.tax).toBe("follow-usage");
  const [audit] = await e2eQuery<{ n: string }>(
    "SELECT count(*)::text AS n FROM audit_event WHERE action = 'chargeback.charge-policies.update'",
  );
  expect(Number(audit?.n)).toBeGreaterThan(0);
  await expect(page.getByTestId("reconciliation-status")).toHaveText("✓ Reconciles to the cent");
  await page.getByRole("button", { name: "Change policies" }).click();
  await page.getByLabel("Policy for Tax").selectOption("own-line");
  await page.getByRole("button", { name: "Save policies" }).click();
  await expect(page.getByRole("button", { name: "Save policies" })).toHaveCount(0);
  await expect(card.getByTestId("charge-tax").getByTestId("charge-policy")).toContainText(
    "Own line",
  );
});

test("viewers cannot open the chargeback page and do not see it in the navigation", async ({
  page,
}) => {
  await restoreSession(page, "viewer");
  const chargeback = new ChargebackPage(page);
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Chargeback" })).toHaveCount(0);
  const res = await chargeback.open();
  expect(res?.status()).toBe(403);
});
