// Attacks through alert channels, against the running server: an internal URL as a webhook (SSRF),
// and a stored SMTP password sent to a changed destination by keeping its mask.
import { expect, test } from "@playwright/test";
import { z } from "zod";
import { e2eQuery } from "../../testing/e2e-db";
import { startSmtpReceiver, type SmtpReceiver } from "../../testing/alerts/receivers";
import { signInAs } from "../support/sign-in-ui";

const PASSWORD = "e2e-smtp-password-never-leaves";
const ZRefusal = z.object({
  error: z.string(),
  details: z.object({ fields: z.array(z.object({ path: z.string(), message: z.string() })) }),
});
let smtp: SmtpReceiver;

test.describe.configure({ timeout: 120_000 });
test.beforeAll(async () => {
  smtp = await startSmtpReceiver();
});
test.afterAll(async () => {
  await smtp?.close();
});

test("an admin cannot point a webhook at the instance metadata service", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/settings/alerts");
  const form = page.getByRole("form", { name: "Add a channel" });
  await form.getByLabel("Name").fill("imds");
  await form.getByLabel("Type").selectOption("webhook");
  await form
    .getByLabel("Webhook URL")
    .fill("http://169.254.169.254/latest/meta-data/iam/security-credentials/");
  await form.getByLabel(/Signing secret/).fill("e2e-signing-secret");
  const answer = page.waitForResponse(
    (r) => r.url().endsWith("/api/v1/alerts/channels") && r.request().method() === "POST",
  );
  await form.getByRole("button", { name: "Add channel" }).click();
  const res = await answer;
  expect(res.status()).toBe(400);
  expect(ZRefusal.parse(await res.json()).details.fields.map((f) => f.path)).toEqual([
    "config.url",
  ]);
  await expect(form.getByRole("alert")).toContainText("169.254.169.254 is a link-local address");
  expect(await e2eQuery("SELECT id FROM alert_channel WHERE name = 'imds'")).toEqual([]);
});

test("keeping the mask while changing the SMTP host or port is refused; the same destination keeps the password", async ({
  page,
  baseURL,
}) => {
  await signInAs(page, "admin");
  const headers = { origin: baseURL ?? "" };
  const config = {
    host: "127.0.0.1",
    port: smtp.port,
    allowPlaintext: true,
    user: "orglens",
    password: PASSWORD,
    from: "orglens@example.com",
    to: ["secops@example.com"],
  };
  const created = await page.request.post("/api/v1/alerts/channels", {
    headers,
    data: { name: "mail-e2e", type: "email", config },
  });
  expect(created.status()).toBe(200);
  const { id } = z.object({ id: z.string() }).parse(await created.json());

  const settings = await page.request.get("/api/v1/alerts");
  const text = await settings.text();
  expect(text).not.toContain(PASSWORD);
  const shown = z
    .object({
      channels: z.array(z.object({ id: z.string(), config: z.record(z.string(), z.unknown()) })),
    })
    .parse(JSON.parse(text))
    .channels.find((c) => c.id === id);
  expect(shown?.config.password).toBe("••••••");

  // The attack: send the mask back, pointed at a listener of one's own.
  for (const change of [{ host: "mail.attacker.example" }, { port: smtp.port + 1 }]) {
    const res = await page.request.patch(`/api/v1/alerts/channels/${id}`, {
      headers,
      data: {
        name: "mail-e2e",
        type: "email",
        enabled: true,
        config: { ...shown?.config, ...change },
      },
    });
    expect(res.status()).toBe(400);
    const refusal = ZRefusal.parse(await res.json());
    expect(refusal.details.fields.map((f) => f.path)).toEqual(["config.password"]);
    expect(refusal.error).toMatch(/Enter the SMTP password again/);
  }
  // The look-alike: same destination, mask sent back (the "Enabled" toggle does this) — accepted.
  const toggled = await page.request.patch(`/api/v1/alerts/channels/${id}`, {
    headers,
    data: { name: "mail-e2e", type: "email", enabled: false, config: shown?.config },
  });
  expect(toggled.status()).toBe(200);

  const [row] = await e2eQuery<{ config: string }>(
    "SELECT config::text AS config FROM alert_channel WHERE id = $1",
    [id],
  );
  expect(row?.config).not.toContain(PASSWORD);
  expect(row?.config).toContain('"kid"');
  // The kept password still works: the test alert authenticates and arrives.
  const test_ = await page.request.post(`/api/v1/alerts/channels/${id}/test`, { headers });
  expect(z.object({ status: z.string() }).parse(await test_.json()).status).toBe("sent");
  expect(smtp.messages.some((m) => m.to.includes("secops@example.com"))).toBe(true);
  expect(smtp.logins).toContainEqual({ username: "orglens", password: PASSWORD });
});
