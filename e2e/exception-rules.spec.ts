// Settings → Exceptions against the demo database: an admin creates a rule, sees its covered count
// equal to the database, finds the findings listed as excepted, round-trips the rules through YAML
// and deletes the rule; a scoped admin cannot read or change it.
import { readFile } from "node:fs/promises";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { e2eQuery } from "../testing/e2e-db";
import { saveScreenshot } from "../testing/e2e-screenshot";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { restoreSession } from "./support/auth";
import { scopedOuId, signInScoped } from "./support/scoped-callers";
import { FindingsPage } from "./pages/findings-page";

test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

const RULE = "e2e-accepted-risk";
const SOON = "e2e-expiring";
const dayIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** An account outside the scoped admin's OU with open findings of one check: the rule's target. */
async function target(): Promise<{ checkId: string; accountId: string; n: number }> {
  const ou = await scopedOuId();
  const [row] = await e2eQuery<{ check_id: string; account_id: string; n: number }>(
    `SELECT f.check_id, f.account_id, count(*)::int AS n
       FROM finding f JOIN account a ON a.id = f.account_id JOIN org_unit o ON o.id = a.ou_id
      WHERE f.status = 'open' AND f.exception_rule_id IS NULL AND NOT ($1 = ANY(o.path_ids))
      GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT 1`,
    [ou],
  );
  if (!row) throw new Error("the demo has no open finding outside the scoped OU");
  return { checkId: row.check_id, accountId: row.account_id, n: row.n };
}

const ruleRow = (page: Page, name: string) =>
  page.getByTestId("exception-rule-row").filter({ hasText: name });

async function coveredInDb(name: string): Promise<number> {
  const [row] = await e2eQuery<{ n: number }>(
    "SELECT count(*)::int AS n FROM finding f JOIN exception_rule x ON x.id = f.exception_rule_id WHERE x.name = $1 AND f.status = 'open'",
    [name],
  );
  return row?.n ?? 0;
}

test.afterAll(async () => {
  // Leave the demo as the other specs expect it (their counts exclude excepted findings anyway).
  await e2eQuery("DELETE FROM exception_rule WHERE name LIKE 'e2e-%'");
});

test("an admin creates an exception rule; its findings are listed as excepted, not counted", async ({
  page,
}) => {
  const t = await target();
  await restoreSession(page, "admin");
  await page.goto("/settings");
  await page.getByRole("link", { name: "Exceptions" }).click();
  await expect(page.getByRole("heading", { name: "Exception rules" })).toBeVisible();
  await expect(page.getByText("No exception rules yet")).toBeVisible();

  const form = page.getByRole("form", { name: "New exception rule" });
  await form.getByLabel("Name").fill(RULE);
  await form.getByLabel("Check").selectOption(t.checkId);
  await form.getByRole("radio", { name: "One account" }).check();
  await form.getByLabel("Account id").fill(t.accountId);
  await form.getByLabel("Reason").fill("x");
  await form.getByLabel("Owner").fill("security@example.com");
  await form.getByLabel("Expiry date").fill(dayIn(90));
  await form.getByRole("button", { name: "Create rule" }).click();
  // The field error sits next to its field; nothing was created.
  await expect(
    form.getByText("Say why these findings are accepted (at least 3 characters)."),
  ).toBeVisible();
  await expect(form.getByLabel("Reason")).toHaveAttribute("aria-invalid", "true");
  expect(await e2eQuery("SELECT 1 FROM exception_rule WHERE name = $1", [RULE])).toHaveLength(0);

  await form
    .getByLabel("Reason")
    .fill("Accepted risk: compensating controls documented in SEC-42.");
  await form.getByRole("button", { name: "Create rule" }).click();
  const row = ruleRow(page, RULE);
  await expect(row).toBeVisible();
  await expect(row.getByTestId("rule-covered")).toHaveText(String(t.n));
  expect(await coveredInDb(RULE)).toBe(t.n);
  await saveScreenshot(page, "settings-exceptions");
  await expectNoSeriousA11yViolations(page);

  // The findings page: the excepted tab lists exactly those findings, each naming the rule.
  await row.getByTestId("rule-covered").click();
  await expect(page).toHaveURL(/status=excepted/);
  const findings = new FindingsPage(page);
  await findings.open(`?status=excepted&check=${t.checkId}&account=${t.accountId}`);
  const ids = await e2eQuery<{ id: string }>(
    `SELECT f.id::text FROM finding f JOIN exception_rule x ON x.id = f.exception_rule_id
      WHERE x.name = $1 AND f.status = 'open'
      ORDER BY array_position(ARRAY['critical','high','medium','low','info']::text[], f.severity), f.fingerprint`,
    [RULE],
  );
  await expect.poll(() => findings.shownIds()).toEqual(ids.map((r) => r.id));
  await expect(page.getByTestId("finding-exception-rule").first()).toHaveText(RULE);
  await expect(page.getByRole("button", { name: /^Excepted/ })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  // The default (open) view no longer counts them.
  await findings.open(`?check=${t.checkId}&account=${t.accountId}`);
  const [open] = await e2eQuery<{ n: number }>(
    `SELECT count(*)::int AS n FROM finding WHERE check_id = $1 AND account_id = $2 AND status = 'open'
       AND exception_rule_id IS NULL AND (muted_until IS NULL OR muted_until <= now())`,
    [t.checkId, t.accountId],
  );
  await expect(findings.total).toHaveText(
    `${open?.n ?? 0} ${open?.n === 1 ? "finding" : "findings"}`,
  );

  // The finding's detail names the rule, and its history says when it was excepted.
  await page.goto(`/findings/${ids[0]?.id ?? ""}`);
  await expect(page.getByTestId("finding-exception")).toContainText(RULE);
  await expect(page.getByTestId("finding-history")).toContainText("Excepted");
});

test("exports the rules as YAML, previews and applies an import, and deletes a rule", async ({
  page,
}) => {
  await restoreSession(page, "admin");
  await page.goto("/settings/exceptions");
  await expect(ruleRow(page, RULE)).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export YAML" }).click(),
  ]);
  const exported = await readFile((await download.path()) ?? "", "utf8");
  expect(exported).toContain(`- name: ${RULE}`);

  // A malformed file: every problem with its line, nothing imported.
  const input = page.getByLabel("YAML file to import");
  await input.setInputFiles({
    name: "bad.yaml",
    mimeType: "application/yaml",
    buffer: Buffer.from("version: 1\nrules:\n  - name: e2e-bad\n    check: NOPE\n"),
  });
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByTestId("import-error").first()).toContainText("Line 3, rule e2e-bad");
  await expect(page.getByRole("alert").filter({ hasText: "nothing was imported" })).toBeVisible();

  // The exported file with a second rule added, expiring in 10 days: preview, then apply.
  const expiring = [
    `  - name: ${SOON}`,
    `    check: ${(await target()).checkId}`,
    `    reason: Short-lived exception while the fix ships.`,
    `    owner: platform`,
    `    expires: ${dayIn(10)}`,
    "",
  ].join("\n");
  await input.setInputFiles({
    name: "rules.yaml",
    mimeType: "application/yaml",
    buffer: Buffer.from(exported + expiring),
  });
  await page.getByRole("button", { name: "Preview import" }).click();
  const changes = page.getByTestId("import-change");
  await expect(changes).toHaveText([`Created: ${SOON}`, `Unchanged: ${RULE}`]);
  expect(await e2eQuery("SELECT 1 FROM exception_rule WHERE name = $1", [SOON])).toHaveLength(0);
  await page.getByRole("button", { name: "Apply import" }).click();
  await expect(page.getByTestId("import-summary")).toContainText("Imported rules.yaml: 1 created");
  const soon = ruleRow(page, SOON);
  await expect(soon.getByTestId("rule-state")).toHaveText("Expiring soon");
  await expect(soon.getByTestId("rule-covered")).toHaveText(String(await coveredInDb(SOON)));

  // Delete, behind a confirmation: the findings count again.
  await soon.getByRole("button", { name: `Delete ${SOON}` }).click();
  await soon.getByRole("button", { name: "Confirm delete" }).click();
  await expect(soon).toHaveCount(0);
  expect(await e2eQuery("SELECT 1 FROM exception_rule WHERE name = $1", [SOON])).toHaveLength(0);
  const audit = await e2eQuery<{ action: string }>(
    "SELECT DISTINCT action FROM audit_event WHERE action LIKE 'settings.exception_rule.%' ORDER BY action",
  );
  expect(audit.map((a) => a.action)).toEqual(
    expect.arrayContaining([
      "settings.exception_rule.create",
      "settings.exception_rule.delete",
      "settings.exception_rule.import",
    ]),
  );
});

test("a scoped admin neither sees nor changes another OU's rule, nor creates an org-wide one", async ({
  browser,
  baseURL,
}) => {
  const [rule] = await e2eQuery<{ id: string }>(
    "SELECT id::text FROM exception_rule WHERE name = $1",
    [RULE],
  );
  const context = await signInScoped(browser, baseURL ?? "", "scopedAdmin");
  try {
    const api = context.request;
    const list = await api.get("/api/v1/exception-rules");
    expect(list.status()).toBe(200);
    expect(JSON.stringify(await list.json())).not.toContain(RULE);
    const body = {
      name: RULE,
      checkId: "IAM_LOCAL_USERS",
      reason: "taken over",
      owner: "sam",
      expiresAt: dayIn(30),
    };
    expect(
      (await api.put(`/api/v1/exception-rules/${rule?.id ?? ""}`, { data: body })).status(),
    ).toBe(404);
    expect((await api.delete(`/api/v1/exception-rules/${rule?.id ?? ""}`)).status()).toBe(404);
    const orgWide = await api.post("/api/v1/exception-rules", {
      data: { ...body, name: "e2e-org" },
    });
    expect(orgWide.status()).toBe(403);
    expect(await coveredInDb(RULE)).toBeGreaterThan(0);
  } finally {
    await context.close();
  }
});
