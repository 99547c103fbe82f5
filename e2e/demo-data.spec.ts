// The demo shows OrgLens's own features with data in them: the planted OrgLens budgets with their
// forecasts, AWS Budgets with OrgLens's forecast beside AWS's, and account requests in every state.
import { expect, test, type Locator } from "@playwright/test";
import { formatMoney } from "../lib/format/money";
import { e2eQuery } from "../testing/e2e-db";
import { signInAs } from "./support/sign-in-ui";

test.describe.configure({ timeout: 120_000 });

const PLANTED_BUDGETS = [
  "Production workloads",
  "Sandbox guardrail",
  "Payments cost center",
  "data-prod monthly cap",
];
const MONEY = /^\$[\d,]+$/;

/** Horizontal gap in px between the rendered text of two header cells (negative: they overlap). */
async function textGap(left: Locator, right: Locator): Promise<number> {
  const textBox = (el: Element) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const rect = range.getBoundingClientRect();
    return { left: rect.left, right: rect.right };
  };
  return (await right.evaluate(textBox)).left - (await left.evaluate(textBox)).right;
}

test("the budgets page shows the planted OrgLens budgets with a forecast, and OrgLens's forecast beside AWS's", async ({
  page,
}) => {
  const planted = await e2eQuery<{ name: string; monthly_amount: string }>(
    "SELECT name, monthly_amount::text FROM budget WHERE name = ANY($1) ORDER BY name",
    [PLANTED_BUDGETS],
  );
  expect(planted.map((b) => b.name).toSorted()).toEqual(PLANTED_BUDGETS.toSorted());

  await signInAs(page, "admin");
  await page.goto("/budgets");
  await expect(page.getByRole("heading", { name: "Budgets", level: 1 })).toBeVisible();
  for (const b of planted) {
    const card = page.getByRole("article", { name: `Budget ${b.name}` });
    await expect(card.getByTestId("budget-amount")).toHaveText(formatMoney(b.monthly_amount));
    await expect(card.getByTestId("budget-forecast")).toHaveText(MONEY);
    await expect(card.getByTestId("budget-actual")).toHaveText(MONEY);
  }

  const table = page.getByRole("table", { name: "AWS Budgets" });
  const [aws] = await e2eQuery<{ n: number }>("SELECT count(*)::int AS n FROM aws_budget");
  await expect(table.locator("tbody tr")).toHaveCount(aws?.n ?? -1);
  const forecasts = await table.getByTestId("orglens-forecast").allTextContents();
  expect(forecasts.filter((f) => !MONEY.test(f))).toEqual([]);
  const headers = table.locator("thead th");
  await expect(headers).toHaveText(
    [
      "Account",
      "Budget",
      "Period",
      "Limit",
      "Actual",
      "AWS forecast",
      "OrgLens forecast",
      "Budget in OrgLens",
    ],
    { ignoreCase: true },
  );
  for (let i = 0; i < (await headers.count()) - 1; i++) {
    expect(
      await textGap(headers.nth(i), headers.nth(i + 1)),
      `space between header ${i + 1} and ${i + 2}`,
    ).toBeGreaterThanOrEqual(8);
  }
});

test("the requests page shows the demo's account requests in every state, as stored", async ({
  page,
}) => {
  await signInAs(page, "admin");
  await page.goto("/requests");
  await expect(page.getByRole("heading", { name: "Account requests", level: 1 })).toBeVisible();
  const cards = page.getByRole("article", { name: /^Request / });
  await expect(cards.first()).toBeVisible();
  for (const status of ["requested", "approved", "rejected", "provisioned", "compliant"]) {
    const rows = await e2eQuery<{ name: string; account_id: string | null }>(
      "SELECT name, account_id FROM account_request WHERE status = $1",
      [status],
    );
    expect(rows.length, `requests ${status} in the database`).toBeGreaterThan(0);
    await page.getByLabel("Status").selectOption(status);
    await expect(cards).toHaveCount(rows.length);
    for (const r of rows) {
      const card = page.getByRole("article", { name: `Request ${r.name}` });
      await expect(card.getByTestId("request-status")).toHaveText(status);
      if (r.account_id) await expect(card).toContainText(`account ${r.account_id}`);
    }
  }
});
