import { expect as baseExpect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { e2eQuery } from "../testing/e2e-db";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { FindingsPage } from "./pages/findings-page";
import { restoreSession } from "./support/auth";
import { signInScoped } from "./support/scoped-callers";

// Every test signs in and waits on a production server that shares two cores with other suites.
test.describe.configure({ timeout: 180_000, mode: "serial" });
const expect = baseExpect.configure({ timeout: 30_000 });

const ANALYST = "analyst@demo.orglens";
const OPEN = "f.status = 'open' AND (f.muted_until IS NULL OR f.muted_until <= now())";
const RANK = "array_position(ARRAY['critical','high','medium','low','info']::text[], f.severity)";

/** A check with at least three open findings, so the test can pick some and leave others. */
async function pickCheck(): Promise<string> {
  const [row] = await e2eQuery<{ check_id: string }>(
    `SELECT f.check_id FROM finding f WHERE ${OPEN} AND f.owner IS NULL GROUP BY 1 HAVING count(*) >= 3 ORDER BY count(*) DESC, 1 LIMIT 1`,
  );
  if (!row) throw new Error("no check with three open findings in the demo database");
  return row.check_id;
}

async function shownIdsEqual(findings: FindingsPage, sql: string, params: unknown[] = []) {
  await expect
    .poll(async () => {
      const expected = (await e2eQuery<{ id: string }>(sql, params)).map((r) => r.id);
      const shown = await findings.shownIds();
      return {
        shown,
        same: JSON.stringify(shown) === JSON.stringify(expected) && shown.length > 0,
      };
    })
    .toMatchObject({ same: true });
}

test("an analyst assigns findings (owner, ticket, due date), filters Mine and Overdue, and the CSV carries them — all equal to the database", async ({
  page,
}) => {
  await restoreSession(page, "analyst");
  const findings = new FindingsPage(page);
  const check = await pickCheck();
  await findings.open(`?check=${check}`);
  const rows = page.locator("[data-finding-id]");
  await expect(rows.first()).toBeVisible({ timeout: 90_000 });
  const [first, second] = await findings.shownIds();
  if (!first || !second) throw new Error("expected two findings listed");

  // One by one: the first to a team, with a ticket and the severity's default due date.
  await page.locator(`[data-finding-id="${first}"] input[type=checkbox]`).check();
  const panel = page.getByTestId("assign-panel");
  await expect(panel.getByRole("heading")).toHaveText("Assign 1 selected finding");
  await panel.getByLabel("Owner (email or team)").fill("Platform Team");
  await panel.getByLabel(/Ticket link/).fill("https://tracker.example.com/SEC-42");
  await panel.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(panel.getByRole("status")).toHaveText("Assigned to Platform Team: 1 finding.");

  const [a] = await e2eQuery<{ owner: string; ticket_url: string; due_ok: boolean }>(
    `SELECT f.owner, f.ticket_url,
       f.due_at = f.first_seen_at + make_interval(days => CASE f.severity WHEN 'critical' THEN 7 WHEN 'high' THEN 30 WHEN 'medium' THEN 90 WHEN 'low' THEN 180 ELSE 365 END) AS due_ok
     FROM finding f WHERE f.id = $1`,
    [first],
  );
  expect(a).toEqual({
    owner: "Platform Team",
    ticket_url: "https://tracker.example.com/SEC-42",
    due_ok: true,
  });
  const ownerCell = page.locator(`[data-finding-id="${first}"]`).getByTestId("finding-owner");
  await expect(ownerCell).toContainText("Platform Team");
  const ticket = ownerCell.getByRole("link", { name: "Ticket" });
  await expect(ticket).toHaveAttribute("href", "https://tracker.example.com/SEC-42");
  await expect(ticket).toHaveAttribute("rel", "noopener noreferrer");

  // In bulk: the second and third "to me", due on a past date, so they are overdue.
  const ids = (await findings.shownIds()).slice(1, 3);
  for (const id of ids)
    await page.locator(`[data-finding-id="${id}"] input[type=checkbox]`).check();
  await expect(panel.getByRole("heading")).toHaveText("Assign 2 selected findings");
  await panel.getByLabel(/Due date/).fill("2020-01-31");
  await panel.getByRole("button", { name: "Assign to me" }).click();
  await expect(panel.getByRole("status")).toHaveText(`Assigned to ${ANALYST}: 2 findings.`);
  const assigned = await e2eQuery<{ id: string; owner: string; due: string }>(
    `SELECT f.id::text, f.owner, to_char(f.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS due FROM finding f WHERE f.id = ANY($1::uuid[]) ORDER BY f.id`,
    [ids],
  );
  expect(assigned.map((r) => [r.owner, r.due])).toEqual([
    [ANALYST, "2020-01-31"],
    [ANALYST, "2020-01-31"],
  ]);
  const events = await e2eQuery<{ n: number }>(
    `SELECT count(*)::int AS n FROM finding_event WHERE kind = 'assigned' AND actor = $1 AND finding_id = ANY($2::uuid[])`,
    [ANALYST, [first, ...ids]],
  );
  expect(events[0]?.n).toBe(3);

  // Mine: owned by the analyst's email or one of their groups; the URL keeps it.
  await page.getByLabel("Mine (my email or my teams)").check();
  await expect(page).toHaveURL(/mine=1/);
  await shownIdsEqual(
    findings,
    `SELECT f.id::text FROM finding f WHERE ${OPEN} AND f.check_id = $1 AND lower(f.owner) = ANY($2::text[]) ORDER BY ${RANK}, f.fingerprint`,
    [check, [ANALYST, "orglens-demo-analyst"]],
  );
  expect((await findings.shownIds()).toSorted()).toEqual(ids.toSorted());

  // Overdue (all owners): open, not muted, past due.
  await page.getByLabel("Mine (my email or my teams)").uncheck();
  await page.getByLabel("Overdue", { exact: true }).check();
  await page.reload();
  await expect(page.getByLabel("Overdue", { exact: true })).toBeChecked();
  await shownIdsEqual(
    findings,
    `SELECT f.id::text FROM finding f WHERE ${OPEN} AND f.check_id = $1 AND f.due_at < now() ORDER BY ${RANK}, f.fingerprint`,
    [check],
  );
  await expect(page.locator(`[data-finding-id="${ids[0]}"]`)).toContainText("Overdue since");
  await expectNoSeriousA11yViolations(page);

  // The CSV of this view carries owner, due date and ticket.
  const href = await page.getByRole("link", { name: /Export CSV/ }).getAttribute("href");
  const csv: Record<string, string>[] = parse(await (await page.request.get(href ?? "")).text(), {
    columns: true,
  });
  // The first one may be overdue too: its default due date counts from when it opened, long ago.
  const overdueIds = await e2eQuery<{ id: string }>(
    `SELECT f.id::text FROM finding f WHERE ${OPEN} AND f.check_id = $1 AND f.due_at < now()`,
    [check],
  );
  expect(csv.map((r) => r.id).toSorted()).toEqual(overdueIds.map((r) => r.id).toSorted());
  expect(ids.every((id) => csv.some((r) => r.id === id))).toBe(true);
  expect(
    csv
      .filter((r) => ids.includes(r.id ?? ""))
      .map((r) => [r.owner, r.due_at?.slice(0, 10), r.overdue]),
  ).toEqual([
    [ANALYST, "2020-01-31", "true"],
    [ANALYST, "2020-01-31", "true"],
  ]);
  const all: Record<string, string>[] = parse(
    await (await page.request.get(`/api/v1/findings/export?check=${check}`)).text(),
    { columns: true },
  );
  expect(all.find((r) => r.id === first)?.ticket_url).toBe("https://tracker.example.com/SEC-42");

  // The overview counts the overdue ones per OU, as the database does.
  const perOu = await e2eQuery<{ path: string; n: number }>(
    `SELECT coalesce(o.path, 'Organization') AS path, count(*)::int AS n FROM finding f
     LEFT JOIN account a ON a.id = f.account_id LEFT JOIN org_unit o ON o.id = coalesce(f.ou_id, a.ou_id)
     WHERE ${OPEN} AND f.due_at < now() GROUP BY 1`,
  );
  await page.goto("/");
  const card = page.getByTestId("overview-overdue");
  for (const r of perOu)
    await expect(
      card.getByRole("row", { name: new RegExp(`^${r.path.replace(/[/]/g, "\\/")} `) }),
    ).toContainText(String(r.n));
});

test("the ticket link must be http(s), and an OU-scoped analyst cannot assign another OU's finding", async ({
  page,
  browser,
  baseURL,
}) => {
  await restoreSession(page, "analyst");
  const [f] = await e2eQuery<{ id: string }>(
    `SELECT f.id::text FROM finding f WHERE ${OPEN} LIMIT 1`,
  );
  const attack = await page.request.post("/api/v1/findings/assign", {
    data: { ids: [f?.id], owner: "x@corp.example", ticketUrl: "javascript:alert(document.cookie)" },
  });
  expect(attack.status()).toBe(400);
  expect(JSON.stringify(await attack.json())).toContain("ticketUrl");
  const [after] = await e2eQuery<{ ticket_url: string | null }>(
    "SELECT ticket_url FROM finding WHERE id = $1",
    [f?.id],
  );
  expect(after?.ticket_url ?? "").not.toContain("javascript");

  const context = await signInScoped(browser, baseURL ?? "", "scopedAnalyst");
  try {
    const [outside] = await e2eQuery<{ id: string; owner: string | null }>(
      `SELECT f.id::text, f.owner FROM finding f
       WHERE ${OPEN} AND f.account_id IS NOT NULL AND f.account_id NOT IN (
         SELECT a.id FROM account a JOIN org_unit o ON o.id = a.ou_id, role_binding b
         WHERE b."group" = 'orglens-e2e-scoped-analyst' AND o.path_ids && b.ou_ids) LIMIT 1`,
    );
    const res = await context.request.post("/api/v1/findings/assign", {
      data: { ids: [outside?.id], owner: "sue@corp.example" },
      headers: { origin: baseURL ?? "" },
    });
    expect(res.status()).toBe(404);
    const [still] = await e2eQuery<{ owner: string | null }>(
      "SELECT owner FROM finding WHERE id = $1",
      [outside?.id],
    );
    expect(still?.owner ?? null).toBe(outside?.owner ?? null);
  } finally {
    await context.close();
  }
});
