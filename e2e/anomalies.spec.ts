import { expect, test } from "@playwright/test";
import { formatMoney } from "../lib/format/money";
import { e2eQuery } from "../testing/e2e-db";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { restoreSession } from "./support/auth";
import { scopedOuId, signInScoped } from "./support/scoped-callers";

test.describe.configure({ timeout: 120_000 });

interface Row {
  id: string;
  account_id: string;
  service: string;
  kind: string;
  impact: string;
}

// Ordered by the stored number, not the `impact::text` column it is read as (text would put $9.50 first).
const OPEN = `SELECT id::text, account_id, service, kind, impact::text FROM cost_anomaly WHERE status = 'open'`;

test("the demo's planted anomalies are listed as stored, charted with their expected band, and marked resolved", async ({
  page,
}) => {
  const open = await e2eQuery<Row>(
    `${OPEN} ORDER BY cost_anomaly.impact DESC, first_day DESC, cost_anomaly.id`,
  );
  // The demo plants spikes, level shifts and drifts; new services appear on their own.
  expect(new Set(open.map((r) => r.kind))).toEqual(
    new Set(["spike", "level_shift", "drift", "new_service"]),
  );

  await restoreSession(page, "analyst");
  await page.goto("/");
  // Other specs re-evaluate the demo while this one runs, and detection runs after each evaluation:
  // the page and the database are compared at the same moment, reloading until both agree.
  const openCount = async () =>
    (await e2eQuery<{ n: number }>(`SELECT count(*)::int AS n FROM (${OPEN}) o`))[0]?.n ?? -1;
  await expect
    .poll(
      async () => {
        const shown = await page.getByTestId("overview-open-anomalies").textContent();
        const same = shown === `${(await openCount()).toLocaleString("en-US")} open`;
        if (!same) await page.reload();
        return same;
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Cost anomalies" })
    .click();
  await expect(page.getByRole("heading", { name: "Cost anomalies", level: 1 })).toBeVisible();

  const table = page.getByRole("region", { name: "Cost anomalies table" });
  const rows = table.getByTestId("anomaly-row");
  await expect(rows).toHaveCount(Math.min(25, open.length));
  const first = rows.first();
  let top: Row | undefined;
  await expect
    .poll(
      async () => {
        [top] = await e2eQuery<Row>(
          `${OPEN} ORDER BY cost_anomaly.impact DESC, first_day DESC, cost_anomaly.id LIMIT 1`,
        );
        const same = (await first.getAttribute("data-anomaly-id")) === top?.id;
        if (!same) await page.reload();
        return same;
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  await expect(first.getByRole("cell").nth(4)).toHaveText(formatMoney(Number(top?.impact)));
  await expectNoSeriousA11yViolations(page);

  await first.getByRole("button", { name: top?.service ?? "" }).click();
  const detail = page.getByTestId("anomaly-detail");
  await expect(detail.getByTestId("anomaly-detail-impact")).toHaveText(
    formatMoney(Number(top?.impact)),
  );
  await expect(detail.getByRole("img", { name: /against its expected range/ })).toBeVisible();
  await expect(detail.locator(".recharts-area").first()).toBeVisible();
  await expect(detail.getByRole("link", { name: /./ }).first()).toHaveAttribute(
    "href",
    `/accounts/${top?.account_id ?? ""}`,
  );

  // A reason is required: the server's field error shows next to the buttons.
  await detail.getByRole("button", { name: "Mark as resolved" }).click();
  await expect(detail.getByRole("alert")).toContainText("at least 3 characters");
  await detail.getByLabel("Reason").fill("e2e: rightsized");
  await detail.getByRole("button", { name: "Mark as resolved" }).click();
  await expect(detail.getByRole("button", { name: "Reopen" })).toBeVisible();
  const [stored] = await e2eQuery<{ status: string; reason: string; decided_by: string }>(
    "SELECT status, reason, decided_by FROM cost_anomaly WHERE id = $1::uuid",
    [top?.id ?? ""],
  );
  expect(stored).toMatchObject({ status: "resolved", reason: "e2e: rightsized" });
  await expect(rows).toHaveCount(Math.min(25, await openCount()));
  const [audit] = await e2eQuery<{ action: string }>(
    "SELECT action FROM audit_event WHERE target = $1 ORDER BY at DESC LIMIT 1",
    [top?.id ?? ""],
  );
  expect(audit?.action).toBe("anomaly.resolved");

  // Put it back for the other specs.
  await e2eQuery("UPDATE cost_anomaly SET status = 'open', reason = NULL WHERE id = $1::uuid", [
    top?.id ?? "",
  ]);
});

test("attack: a scoped analyst lists only their OU's anomalies and cannot read or mark another OU's (404)", async ({
  browser,
  baseURL,
}) => {
  const ou = await scopedOuId();
  const inScope = await e2eQuery<Row>(
    `${OPEN} AND account_id IN (SELECT a.id FROM account a JOIN org_unit o ON o.id = a.ou_id WHERE $1 = ANY(o.path_ids))`,
    [ou],
  );
  const [outside] = await e2eQuery<Row>(
    `${OPEN} AND account_id NOT IN (SELECT a.id FROM account a JOIN org_unit o ON o.id = a.ou_id WHERE $1 = ANY(o.path_ids)) LIMIT 1`,
    [ou],
  );
  expect(outside).toBeDefined();
  const context = await signInScoped(browser, baseURL ?? "", "scopedAnalyst");
  try {
    const list = await context.request.get("/api/v1/anomalies");
    expect(list.status()).toBe(200);
    const body = (await list.json()) as { items: { id: string }[] };
    expect(body.items.map((i) => i.id).sort()).toEqual(inScope.map((r) => r.id).sort());
    expect((await context.request.get(`/api/v1/anomalies/${outside?.id ?? ""}`)).status()).toBe(
      404,
    );
    const mark = await context.request.post(`/api/v1/anomalies/${outside?.id ?? ""}/decision`, {
      data: { status: "expected", reason: "not my OU" },
      headers: { origin: baseURL ?? "" },
    });
    expect(mark.status()).toBe(404);
    const [after] = await e2eQuery<{ status: string }>(
      "SELECT status FROM cost_anomaly WHERE id = $1::uuid",
      [outside?.id ?? ""],
    );
    expect(after?.status).toBe("open");
  } finally {
    await context.close();
  }
});
