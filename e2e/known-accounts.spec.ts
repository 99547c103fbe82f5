import { expect, test } from "@playwright/test";
import { e2eQuery } from "../testing/e2e-db";
import { saveScreenshot } from "../testing/e2e-screenshot";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { restoreSession } from "./support/auth";

const OUTSIDE = "999900001111";
const LEGACY = "999900002222";

async function dbFigures() {
  const [row] = await e2eQuery<{ known: string; in_org: string }>(
    "SELECT count(*)::text AS known, count(a.id)::text AS in_org FROM known_account k LEFT JOIN account a ON a.id = k.account_id AND a.removed_at IS NULL",
  );
  const known = Number(row?.known);
  const inOrg = Number(row?.in_org);
  return { known: String(known), inOrg: String(inOrg), outside: String(known - inOrg) };
}

async function expectFiguresMatchDb(page: import("@playwright/test").Page) {
  const db = await dbFigures();
  await expect(page.getByTestId("known-total")).toHaveText(db.known);
  await expect(page.getByTestId("known-in-org")).toHaveText(db.inOrg);
  await expect(page.getByTestId("known-outside")).toHaveText(db.outside);
}

test("an admin keeps the known-accounts inventory: adds, imports a CMDB CSV, edits and removes", async ({
  page,
}) => {
  const [member] = await e2eQuery<{ id: string; name: string }>(
    "SELECT id, name FROM account WHERE removed_at IS NULL AND NOT is_management ORDER BY id LIMIT 1",
  );
  const memberId = member?.id ?? "";
  await restoreSession(page, "admin");
  await page.goto("/settings");
  await page.getByRole("link", { name: "Known accounts" }).click();
  await expect(page.getByRole("heading", { name: "Accounts the company owns" })).toBeVisible();
  await expectFiguresMatchDb(page);
  // The demo lists its self-service sandboxes as known accounts: count from there.
  const before = Number((await dbFigures()).known);

  // Added by hand: an account outside the organization, then a bad id with its message next to the form.
  await page.getByLabel("Account id").fill(OUTSIDE);
  await page.getByLabel("Name").fill("Legacy marketing");
  await page.getByLabel("Owner").fill("ana@example.com");
  await page.getByRole("button", { name: "Add account" }).click();
  await expect(page.getByRole("row", { name: new RegExp(OUTSIDE) })).toContainText(
    "outside the organization",
  );
  await page.getByLabel("Account id").fill("12345");
  await page.getByRole("button", { name: "Add account" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "An AWS account id has 12 digits." }),
  ).toBeVisible();

  // A CMDB export with a bad row is refused as a whole, each bad row named.
  const file = (csv: string) => ({
    name: "cmdb.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv),
  });
  await page
    .getByLabel("CSV file")
    .setInputFiles(
      file(
        `Account ID,Account Name,Owner\n${memberId},${member?.name ?? ""},platform@example.com\n${LEGACY},Old data lake,bo@example.com\n1234567890,typo,x\n`,
      ),
    );
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByTestId("import-row-error")).toHaveText([
    "Line 4: Account id 1234567890 has 10 digits; AWS account ids have 12 (a spreadsheet may have dropped leading zeros).",
  ]);
  expect((await dbFigures()).known).toBe(String(before + 1));

  // Fixed and imported; importing it again changes nothing.
  const fixed = file(
    `Account ID,Account Name,Owner\n${memberId},${member?.name ?? ""},platform@example.com\n${LEGACY},Old data lake,bo@example.com\n`,
  );
  await page.getByLabel("CSV file").setInputFiles(fixed);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByTestId("import-result")).toHaveText(
    "Imported: 2 added, 0 updated, 0 unchanged.",
  );
  await page.getByLabel("CSV file").setInputFiles(fixed);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByTestId("import-result")).toHaveText(
    "Imported: 0 added, 0 updated, 2 unchanged.",
  );
  await expect(page.getByRole("row", { name: new RegExp(memberId) })).toContainText(
    `Yes, as ${member?.name ?? ""}`,
  );
  await expectFiguresMatchDb(page);
  await expect(page.getByTestId("known-outside")).toHaveText("2");
  await expectNoSeriousA11yViolations(page);
  await saveScreenshot(page, "settings-known-accounts");

  // Edit and remove, both audited.
  const legacy = page.getByRole("row", { name: new RegExp(LEGACY) });
  await legacy.getByRole("button", { name: `Edit ${LEGACY}` }).click();
  await legacy.getByLabel(`Owner of ${LEGACY}`).fill("data-team@example.com");
  await legacy.getByRole("button", { name: "Save" }).click();
  await expect(legacy).toContainText("data-team@example.com");
  const [saved] = await e2eQuery<{ owner: string }>(
    "SELECT owner FROM known_account WHERE account_id = $1",
    [LEGACY],
  );
  expect(saved?.owner).toBe("data-team@example.com");
  for (const id of [OUTSIDE, LEGACY, memberId]) {
    await page.getByRole("button", { name: `Remove ${id}` }).click();
    await expect(page.getByRole("row", { name: new RegExp(id) })).toHaveCount(0);
  }
  await expectFiguresMatchDb(page);
  const actions = await e2eQuery<{ action: string }>(
    "SELECT DISTINCT action FROM audit_event WHERE action LIKE 'settings.known_account.%' ORDER BY action",
  );
  expect(actions.map((a) => a.action)).toEqual([
    "settings.known_account.create",
    "settings.known_account.delete",
    "settings.known_account.import",
    "settings.known_account.update",
  ]);
});

test("the known-accounts page is for unscoped admins only", async ({ page }) => {
  for (const role of ["analyst", "scoped"] as const) {
    await page.context().clearCookies();
    await restoreSession(page, role);
    await page.goto("/settings");
    await expect(page.getByRole("link", { name: "Known accounts" })).toHaveCount(0);
    const res = await page.goto("/settings/known-accounts");
    expect(res?.status()).toBe(403);
  }
});
