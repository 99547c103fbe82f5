// Saved views against the demo database: an analyst saves a filtered findings view (shared), pins it,
// opens it from the overview with the same filters, renames and deletes it; another person sees the
// shared view but cannot change it; a viewer's private showback view stays private.
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { e2eQuery } from "../testing/e2e-db";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { restoreSession } from "./support/auth";
import { FindingsPage } from "./pages/findings-page";

test.describe.configure({ timeout: 180_000, mode: "serial" });
const expect = baseExpect.configure({ timeout: 30_000 });

const NAME = "E2E open high findings";
const RENAMED = "E2E high findings (renamed)";
const PRIVATE = "E2E viewer by service";

interface ViewRow {
  id: string;
  name: string;
  page: string;
  query: string;
  owner: string;
  shared: boolean;
}
const viewsNamed = (names: string[]) =>
  e2eQuery<ViewRow>(
    "SELECT id::text, name, page, query, owner, shared FROM saved_view WHERE name = ANY($1::text[]) ORDER BY name",
    [names],
  );

async function openMenu(page: Page) {
  const menu = page.getByTestId("saved-views");
  await menu.locator("summary").click();
  await expect(
    menu.getByText(/No saved views on this page yet|Save this view as/).first(),
  ).toBeVisible();
  return menu;
}

test.beforeAll(async () => {
  await e2eQuery("DELETE FROM saved_view WHERE name = ANY($1::text[])", [[NAME, RENAMED, PRIVATE]]);
});

test("an analyst saves a shared findings view, pins it and opens it from the overview with the same filters", async ({
  page,
}) => {
  await restoreSession(page, "analyst");
  const findings = new FindingsPage(page);
  const [top] = await e2eQuery<{ check_id: string }>(
    "SELECT check_id FROM finding WHERE status = 'open' AND severity = 'high' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1",
  );
  if (!top) throw new Error("the demo has no open high finding");
  await findings.open(`?severity=high&check=${top.check_id}`);
  await expect(page.locator("[data-finding-id]").first()).toBeVisible({ timeout: 90_000 });

  const menu = await openMenu(page);
  await menu.getByLabel("Save this view as").fill(NAME);
  await menu.getByLabel("Share with everyone in the organization").check();
  await menu.getByRole("button", { name: "Save", exact: true }).click();
  await expect(menu.getByRole("status")).toHaveText(`Saved "${NAME}".`);
  await expect(menu.getByRole("link", { name: NAME })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const [saved] = await viewsNamed([NAME]);
  expect(saved).toMatchObject({
    page: "findings",
    query: `check=${top.check_id}&severity=high`,
    owner: "analyst@demo.orglens",
    shared: true,
  });

  await menu.getByRole("button", { name: `Pin to overview: ${NAME}` }).click();
  await expect(menu.getByRole("button", { name: `Unpin: ${NAME}` })).toBeVisible();
  const pins = await e2eQuery<{ user_email: string }>(
    "SELECT user_email FROM saved_view_pin WHERE view_id = $1::uuid",
    [saved?.id],
  );
  expect(pins.map((p) => p.user_email)).toEqual(["analyst@demo.orglens"]);

  // From the overview, the pinned view opens the findings page with the saved filters applied.
  await page.goto("/");
  const pinned = page.getByTestId("pinned-views");
  await pinned.getByRole("link", { name: new RegExp(NAME) }).click();
  await expect(page).toHaveURL(new RegExp(`/findings\\?check=${top.check_id}&severity=high$`));
  await expect(findings.checkFilter).toHaveValue(top.check_id);
  await expect(findings.severityFilter).toHaveValue("high");
  const [n] = await e2eQuery<{ n: number }>(
    "SELECT count(*)::int AS n FROM finding WHERE status = 'open' AND severity = 'high' AND check_id = $1",
    [top.check_id],
  );
  await expect(findings.total).toContainText(`${(n?.n ?? -1).toLocaleString("en-US")} finding`);
});

test("another person sees the shared view but may only pin it; another person's private view never shows", async ({
  page,
}) => {
  // The viewer saves a private showback view; there is no share box for a viewer.
  await restoreSession(page, "viewer");
  await page.goto("/costs");
  let menu = await openMenu(page);
  await expect(menu.getByLabel("Share with everyone in the organization")).toHaveCount(0);
  await menu.getByLabel("Save this view as").fill(PRIVATE);
  await menu.getByRole("button", { name: "Save", exact: true }).click();
  await expect(menu.getByRole("status")).toHaveText(`Saved "${PRIVATE}".`);
  const [priv] = await viewsNamed([PRIVATE]);
  expect(priv).toMatchObject({ page: "costs", shared: false });

  // The admin sees the analyst's shared findings view, without rename, share or delete.
  await page.context().clearCookies();
  await restoreSession(page, "admin");
  await page.goto("/findings");
  menu = await openMenu(page);
  const item = menu.locator("li").filter({ hasText: NAME });
  await expect(item).toContainText("shared by analyst@demo.orglens");
  await expect(item.getByRole("button", { name: /Rename|Delete|Make private/ })).toHaveCount(0);

  // The viewer's private view is not there for the admin, and the API says it does not exist.
  await page.goto("/costs");
  menu = await openMenu(page);
  await expect(menu.getByRole("link", { name: PRIVATE })).toHaveCount(0);
  const listed = (await (await page.request.get("/api/v1/views")).json()) as {
    items: { id: string }[];
  };
  expect(listed.items.some((i) => i.id === priv?.id)).toBe(false);
  const rename = await page.request.patch(`/api/v1/views/${priv?.id}`, {
    data: { name: "taken over" },
  });
  expect(rename.status()).toBe(404);
  expect((await viewsNamed([PRIVATE]))[0]?.name).toBe(PRIVATE);
});

test("the analyst renames and deletes the view; the database follows", async ({ page }) => {
  await restoreSession(page, "analyst");
  await page.goto("/findings");
  const menu = await openMenu(page);
  await menu.getByRole("button", { name: `Rename: ${NAME}` }).click();
  await menu.getByLabel(`New name for ${NAME}`).fill(RENAMED);
  await menu.getByRole("button", { name: "Save name" }).click();
  await expect(menu.getByRole("link", { name: RENAMED })).toBeVisible();
  expect((await viewsNamed([NAME, RENAMED])).map((v) => v.name)).toEqual([RENAMED]);

  await menu.getByRole("button", { name: `Delete: ${RENAMED}` }).click();
  await expect(menu.getByRole("link", { name: RENAMED })).toHaveCount(0);
  expect(await viewsNamed([RENAMED])).toEqual([]);
  expect(
    await e2eQuery(
      "SELECT 1 FROM saved_view_pin p LEFT JOIN saved_view v ON v.id = p.view_id WHERE v.id IS NULL",
    ),
  ).toEqual([]);
});
