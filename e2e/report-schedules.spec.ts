// Settings → Reports: an admin schedules a digest, previews the exact email (figures checked against
// the database), sends it now over SMTP to a loopback receiver; viewers cannot manage reports, and a
// scoped admin cannot reach another OU's report or scope one beyond their OUs.
import { expect, test } from "@playwright/test";
import { z } from "zod";
import { latestPeriod } from "../lib/domain/reports/period";
import { formatMoney } from "../lib/format/money";
import { e2eQuery } from "../testing/e2e-db";
import { saveScreenshot } from "../testing/e2e-screenshot";
import { startSmtpReceiver, type SmtpReceiver } from "../testing/alerts/receivers";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { restoreSession } from "./support/auth";
import { scopedOuId, signInScoped } from "./support/scoped-callers";

let smtp: SmtpReceiver;
test.beforeAll(async () => {
  smtp = await startSmtpReceiver();
});
test.afterAll(async () => {
  await smtp?.close();
});

test.describe.configure({ timeout: 180_000 });

test("viewers and analysts cannot open Settings → Reports", async ({ page }) => {
  for (const role of ["viewer", "analyst"] as const) {
    await restoreSession(page, role);
    const res = await page.goto("/settings/reports");
    expect(res?.status()).toBe(403);
  }
});

test("an admin schedules a report, previews it with the database's figures and sends it now", async ({
  page,
  baseURL,
}) => {
  await restoreSession(page, "admin");
  const channelName = `digest-mail-${Date.now()}`;
  const created = await page.request.post("/api/v1/alerts/channels", {
    headers: { origin: baseURL ?? "" },
    data: {
      name: channelName,
      type: "email",
      config: {
        host: "127.0.0.1",
        port: smtp.port,
        allowPlaintext: true,
        from: "orglens@example.com",
        to: ["finops@example.com"],
      },
    },
  });
  expect(created.status()).toBe(200);

  await page.goto("/settings/reports");
  const form = page.getByRole("form", { name: "New report" });
  // Field errors next to the fields: nothing filled in.
  await form.getByRole("button", { name: "Create report" }).click();
  await expect(form.getByText("Give the report a name.")).toBeVisible();

  const name = `Leadership weekly ${Date.now()}`;
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Sent on (UTC)").selectOption("Monday");
  await form
    .getByRole("combobox", { name: /^Channel/ })
    .selectOption({ label: `${channelName} (email)` });
  await form.getByLabel(/Recipients/).fill("cfo@example.com");
  await form.getByRole("button", { name: "Create report" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();

  const [report] = await e2eQuery<{ id: string }>(
    "SELECT id FROM report_schedule WHERE name = $1",
    [name],
  );
  expect(report).toBeDefined();
  const card = page.locator(`[data-report-id="${report?.id}"]`);
  await expect(card).toContainText("Weekly, Mondays · Whole organization");

  // The preview: the same figures as the database holds for the period.
  const period = latestPeriod("weekly", 1, new Date());
  const [sums] = await e2eQuery<{ current: string; previous: string }>(
    `SELECT coalesce(sum(unblended) FILTER (WHERE day >= $2::date), 0)::text AS current,
            coalesce(sum(unblended) FILTER (WHERE day < $2::date), 0)::text AS previous
     FROM cost_daily WHERE day >= $1::date AND day < $3::date`,
    [period.previousStart, period.start, period.end],
  );
  const current = Number(sums?.current);
  const change = current - Number(sums?.previous);
  await card.getByRole("button", { name: "Preview" }).click();
  const frame = page.frameLocator(`iframe[title="Preview of ${name}"]`);
  await expect(frame.locator('[data-figure="spend"]')).toContainText(
    `Spend ${formatMoney(current, { cents: true })} (${change >= 0 ? "+" : "−"}${formatMoney(Math.abs(change), { cents: true })}`,
  );
  await expect(frame.getByRole("img", { name: /Daily spend/ })).toBeVisible();
  const [counts] = await e2eQuery<{ anomalies: string }>(
    "SELECT count(*)::text AS anomalies FROM cost_anomaly WHERE status = 'open'",
  );
  await expect(frame.getByText(`Open cost anomalies (${counts?.anomalies ?? "?"},`)).toBeVisible();
  const preview = page.locator(`iframe[title="Preview of ${name}"]`);
  expect(await preview.getAttribute("sandbox")).toBe("");
  await saveScreenshot(page, "settings-reports");
  // The email on its own (axe needs scripts, which the sandboxed preview rightly has none of; injecting
  // into it can hang), then the page with the preview closed.
  const email = await page.context().newPage();
  try {
    await email.setContent((await preview.getAttribute("srcdoc")) ?? "");
    await expect(email.locator('[data-figure="spend"]')).toBeVisible();
    await expectNoSeriousA11yViolations(email);
  } finally {
    await email.close();
  }
  await card.getByRole("button", { name: "Hide preview" }).click();
  await expect(preview).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // Send now: over SMTP to the report's recipients, with the chart inline, and audited.
  const before = smtp.messages.length;
  await card.getByRole("button", { name: `Send now: ${name}` }).click();
  await expect(card.getByRole("status")).toContainText(`Sent (${period.key})`);
  const [mail] = smtp.messages.slice(before);
  expect(mail?.to).toEqual(["cfo@example.com"]);
  expect(mail?.data).toMatch(/Content-ID: <spend-chart@orglens>/i);
  expect(mail?.data).toMatch(/Content-Type: image\/png/i);
  const audit = await e2eQuery<{ action: string; detail: { status: string } }>(
    "SELECT action, detail FROM audit_event WHERE target = $1 ORDER BY id",
    [report?.id],
  );
  expect(audit.map((a) => a.action)).toEqual(["reports.schedule.create", "reports.send"]);
  expect(audit[1]?.detail.status).toBe("sent");

  // Delete, audited.
  await card.getByRole("button", { name: `Delete report ${name}` }).click();
  await expect(page.getByRole("heading", { name })).toHaveCount(0);
  expect(
    await e2eQuery(
      "SELECT id FROM audit_event WHERE target = $1 AND action = 'reports.schedule.delete'",
      [report?.id],
    ),
  ).toHaveLength(1);
});

test("a scoped admin cannot scope a report beyond their OU or reach an org-wide report (attack)", async ({
  browser,
  baseURL,
}) => {
  const ou = await scopedOuId();
  const [other] = await e2eQuery<{ id: string }>(
    "SELECT id FROM org_unit WHERE parent_id IS NOT NULL AND NOT ($1 = ANY(path_ids)) ORDER BY id LIMIT 1",
    [ou],
  );
  const [channel] = await e2eQuery<{ id: string }>(
    `INSERT INTO alert_channel (id, name, type, config) VALUES (gen_random_uuid(), 'reports-attack', 'slack', '{"url": "http://127.0.0.1:9/hook"}') RETURNING id`,
  );
  const [orgWide] = await e2eQuery<{ id: string }>(
    `INSERT INTO report_schedule (id, name, cadence, weekday, channel_id, created_by)
     VALUES (gen_random_uuid(), 'Org-wide e2e', 'weekly', 1, $1, 'admin@example.com') RETURNING id`,
    [channel?.id],
  );
  const context = await signInScoped(browser, baseURL ?? "", "scopedAdmin");
  try {
    const headers = { origin: baseURL ?? "" };
    const body = { name: "Peek", cadence: "weekly", weekday: 1, channelId: channel?.id };
    for (const ouIds of [[other?.id], []]) {
      const res = await context.request.post("/api/v1/reports/schedules", {
        headers,
        data: { ...body, ouIds },
      });
      expect(res.status()).toBe(403);
      expect(z.object({ code: z.string() }).parse(await res.json()).code).toBe(
        "REPORT_SCOPE_OUTSIDE",
      );
    }
    for (const path of ["preview", "send"]) {
      const res = await context.request.fetch(`/api/v1/reports/schedules/${orgWide?.id}/${path}`, {
        method: path === "send" ? "POST" : "GET",
        headers,
      });
      expect(res.status()).toBe(404);
    }
    const list = await context.request.get("/api/v1/reports/schedules");
    expect(await list.text()).not.toContain("Org-wide e2e");
    // Inside their OU it works.
    const own = await context.request.post("/api/v1/reports/schedules", {
      headers,
      data: { ...body, name: "BU weekly", ouIds: [ou] },
    });
    expect(own.status()).toBe(200);
  } finally {
    await context.close();
    await e2eQuery("DELETE FROM alert_channel WHERE name = 'reports-attack'");
  }
});
