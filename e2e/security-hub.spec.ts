import { expect, test } from "@playwright/test";
import { e2eQuery } from "../testing/e2e-db";
import { saveScreenshot } from "../testing/e2e-screenshot";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { restoreSession } from "./support/auth";

interface HubSums {
  critical: string;
  high: string;
  medium: string;
  enabled: string;
}

/** Security Hub sums over the accounts (in the organization) under an OU, or everywhere. */
async function hubSums(ouId: string | null): Promise<HubSums> {
  const [row] = await e2eQuery<HubSums>(
    `SELECT coalesce(sum(h.critical), 0)::text AS critical, coalesce(sum(h.high), 0)::text AS high, coalesce(sum(h.medium), 0)::text AS medium,
            count(*) FILTER (WHERE h.enabled)::text AS enabled
     FROM security_hub_status h JOIN account a ON a.id = h.account_id JOIN org_unit o ON o.id = a.ou_id
     WHERE a.removed_at IS NULL AND ($1::text IS NULL OR $1 = ANY(o.path_ids))`,
    [ouId],
  );
  if (!row) throw new Error("no Security Hub sums");
  return row;
}

test("Security Hub results on the account page, the OU panel and the overview equal the stored status", async ({
  page,
}) => {
  // Three pages, each with an axe scan: the account page alone holds a dozen panels.
  test.slow();
  const [acct] = await e2eQuery<{
    account_id: string;
    critical: number;
    high: number;
    medium: number;
    standards: string[];
  }>(
    "SELECT h.account_id, h.critical, h.high, h.medium, h.standards FROM security_hub_status h JOIN account a ON a.id = h.account_id WHERE a.removed_at IS NULL AND h.standards_read ORDER BY h.critical DESC, h.account_id LIMIT 1",
  );
  if (!acct) throw new Error("no Security Hub status in the demo");
  await restoreSession(page, "admin");

  await page.goto(`/accounts/${acct.account_id}`);
  const section = page.getByTestId("account-security-hub");
  await expect(section.getByTestId("hub-critical")).toHaveText(String(acct.critical));
  await expect(section.getByTestId("hub-high")).toHaveText(String(acct.high));
  await expect(section.getByTestId("hub-medium")).toHaveText(String(acct.medium));
  await expect(section.getByTestId("hub-standards").getByRole("listitem")).toHaveCount(
    acct.standards.length,
  );
  await expect(section).toContainText("AWS Foundational Security Best Practices v1.0.0");
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, "account-security-hub");

  const [prod] = await e2eQuery<{ id: string }>(
    "SELECT id FROM org_unit WHERE path LIKE '%/Workloads/Prod' AND removed_at IS NULL LIMIT 1",
  );
  const prodSums = await hubSums(prod?.id ?? "");
  await page.goto(`/organization?ou=${prod?.id ?? ""}`);
  const panel = page.getByTestId("ou-security-hub");
  await expect(panel.getByTestId("ou-hub-critical")).toHaveText(prodSums.critical, {
    timeout: 30_000,
  });
  await expect(panel.getByTestId("ou-hub-high")).toHaveText(prodSums.high);
  await expect(panel.getByTestId("ou-hub-medium")).toHaveText(prodSums.medium);
  await expect(panel.getByTestId("ou-hub-enabled")).toHaveText(prodSums.enabled);

  const all = await hubSums(null);
  await page.goto("/");
  await expect(page.getByTestId("overview-hub-critical")).toHaveText(
    Number(all.critical).toLocaleString("en-US"),
  );
  await expect(page.getByTestId("overview-hub-high")).toHaveText(
    Number(all.high).toLocaleString("en-US"),
  );
  await expect(page.getByTestId("overview-hub-medium")).toHaveText(
    Number(all.medium).toLocaleString("en-US"),
  );
  await expect(page.getByTestId("overview-hub-enabled")).toHaveText(all.enabled);
  await expectNoSeriousA11yViolations(page);
});

test("a scoped user's overview counts only their subtree's Security Hub findings", async ({
  page,
}) => {
  const [binding] = await e2eQuery<{ ou_ids: string[] }>(
    `SELECT ou_ids FROM role_binding WHERE "group" = 'orglens-demo-bu-lead'`,
  );
  const [scopeOu] = binding?.ou_ids ?? [];
  const mine = await hubSums(scopeOu ?? "");
  const all = await hubSums(null);
  expect(Number(mine.high)).toBeLessThan(Number(all.high));
  await restoreSession(page, "scoped");
  await page.goto("/");
  await expect(page.getByTestId("overview-hub-critical")).toHaveText(
    Number(mine.critical).toLocaleString("en-US"),
  );
  await expect(page.getByTestId("overview-hub-high")).toHaveText(
    Number(mine.high).toLocaleString("en-US"),
  );
  await expect(page.getByTestId("overview-hub-medium")).toHaveText(
    Number(mine.medium).toLocaleString("en-US"),
  );
});

test("the Security Hub coverage finding links to the account's Security Hub section", async ({
  page,
}) => {
  const [f] = await e2eQuery<{ id: string; account_id: string }>(
    "SELECT id, account_id FROM finding WHERE check_id = 'SECURITYHUB_COVERAGE' AND status = 'open' AND account_id IS NOT NULL ORDER BY id LIMIT 1",
  );
  if (!f) throw new Error("no SECURITYHUB_COVERAGE finding in the demo");
  await restoreSession(page, "analyst");
  await page.goto(`/findings/${f.id}`);
  await page.getByRole("link", { name: "Findings and standards of this account" }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${f.account_id}#security-hub$`));
  await expect(page.getByRole("heading", { name: "Security Hub" })).toBeVisible();
});
