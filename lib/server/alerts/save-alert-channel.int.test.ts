// Saving alert channels through the real server functions and database: a masked secret is only kept
// for the same destination, secrets are sealed at rest, and internal destinations are refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { TChannelBody } from "@/lib/api/alerts";
import { MASK } from "@/lib/alerts/channel-config";
import {
  startSmtpReceiver,
  startWebhookReceiver,
  type SmtpReceiver,
  type WebhookReceiver,
} from "@/testing/alerts/receivers";
import type { Principal } from "@/lib/domain/access";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "@/testing/db";

const ADMIN: Principal = {
  kind: "user",
  email: "ada@example.com",
  name: "Ada",
  role: "admin",
  scope: { ouIds: null },
};
const PASSWORD = "hunter2-smtp-password";
const SIGNING = "s3cret-signing-key";
const SLACK_TOKEN = "T000/B000/slacktokenXYZ";

/** "400 config.password: …" for a refused save, "ok" otherwise. */
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => {
      if (!(e instanceof AppError)) throw e;
      const fields = z
        .object({ fields: z.array(z.object({ path: z.string() })) })
        .safeParse(e.details);
      return `${e.status} ${fields.success ? fields.data.fields.map((f) => f.path).join(",") : ""}`.trim();
    },
  );

describe("saving alert channels", () => {
  const t = useTestDatabase();
  let smtp: SmtpReceiver;
  let hook: WebhookReceiver;
  let api: typeof import("./save-alert-channel") & typeof import("./get-alert-settings");

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    hook = await startWebhookReceiver();
    // lib/db (used by the audit trail) reads the environment when first imported.
    process.env.DATABASE_URL = t.url;
    process.env.NEXTAUTH_SECRET ??= "x".repeat(32);
    process.env.ORGLENS_DEMO_SIGNIN = "1";
    process.env.ORGLENS_ALLOWED_PRIVATE_TARGETS = "127.0.0.1";
    api = { ...(await import("./save-alert-channel")), ...(await import("./get-alert-settings")) };
  });
  afterAll(async () => {
    await smtp?.close();
    await hook?.close();
  });

  /** A save's outcome ("ok" or "400 <fields>"), as an admin, of a new channel or channel `id`. */
  const saveOutcome = (body: TChannelBody, id?: string) =>
    outcome(api.saveAlertChannel(t.db, ADMIN, body, id));
  const email = (config: Record<string, unknown>): TChannelBody => ({
    name: "mail",
    type: "email",
    enabled: true,
    config: {
      host: "127.0.0.1",
      port: smtp.port,
      secure: false,
      allowPlaintext: true,
      user: "orglens",
      password: PASSWORD,
      from: "orglens@example.com",
      to: ["secops@example.com"],
      ...config,
    },
  });
  const storedConfig = async (id: string) =>
    (
      await t.db.$queryRaw<
        { config: string }[]
      >`SELECT config::text AS config FROM alert_channel WHERE id = ${id}::uuid`
    )[0]?.config ?? "";
  const shownConfig = async (id: string) =>
    (await api.getAlertSettings(t.db, ADMIN)).channels.find((c) => c.id === id)?.config;

  it("refuses a masked SMTP password once the host, port, user or TLS mode changed", async () => {
    const { id } = await api.saveAlertChannel(t.db, ADMIN, email({}));
    const masked = email({ password: MASK });
    // The attack: keep the mask, point the channel at a listener of one's own.
    expect(
      await saveOutcome({ ...masked, config: { ...masked.config, host: "127.0.0.2" } }, id),
    ).toBe("400 config.password");
    expect(
      await saveOutcome({ ...masked, config: { ...masked.config, port: smtp.port + 1 } }, id),
    ).toBe("400 config.password");
    expect(
      await saveOutcome({ ...masked, config: { ...masked.config, user: "someone-else" } }, id),
    ).toBe("400 config.password");
    expect(await saveOutcome({ ...masked, config: { ...masked.config, secure: true } }, id)).toBe(
      "400 config.password",
    );
    expect(await shownConfig(id)).toMatchObject({
      host: "127.0.0.1",
      port: smtp.port,
      user: "orglens",
      password: MASK,
    });

    // The look-alike: same destination, other recipients and name, mask sent back: the password stays.
    expect(
      await saveOutcome(
        { ...masked, name: "mail 2", config: { ...masked.config, to: ["other@example.com"] } },
        id,
      ),
    ).toBe("ok");
    const { testAlertChannel } = await import("./test-alert-channel");
    expect(await testAlertChannel(t.db, ADMIN, id)).toEqual({ status: "sent" });
    expect(smtp.logins).toEqual([{ username: "orglens", password: PASSWORD }]);
    // A new password with a new host is fine: the admin typed it.
    expect(
      await saveOutcome(
        {
          ...email({ password: "new-password" }),
          config: { ...email({ password: "new-password" }).config, port: smtp.port },
        },
        id,
      ),
    ).toBe("ok");
  });

  it("keeps a masked webhook secret or Slack URL only for the same URL", async () => {
    const webhook = {
      name: "siem",
      type: "webhook" as const,
      enabled: true,
      config: { url: hook.url("/in"), secret: SIGNING },
    };
    const { id } = await api.saveAlertChannel(t.db, ADMIN, webhook);
    expect(
      await saveOutcome({ ...webhook, config: { url: hook.url("/elsewhere"), secret: MASK } }, id),
    ).toBe("400 config.secret");
    expect(
      await saveOutcome(
        { ...webhook, enabled: false, config: { url: hook.url("/in"), secret: MASK } },
        id,
      ),
    ).toBe("ok");

    const slack = {
      name: "chat",
      type: "slack" as const,
      enabled: true,
      config: { url: hook.url(`/services/${SLACK_TOKEN}`) },
    };
    const saved = await api.saveAlertChannel(t.db, ADMIN, slack);
    const shown = z.object({ url: z.string() }).parse(await shownConfig(saved.id));
    expect(shown.url).not.toContain("slacktoken");
    expect(
      await saveOutcome(
        { ...slack, config: { url: `https://attacker.example/${MASK}` } },
        saved.id,
      ),
    ).toBe("400 config.url");
    expect(
      await saveOutcome({ ...slack, enabled: false, config: { url: shown.url } }, saved.id),
    ).toBe("ok");
    // A channel changing type cannot inherit the old type's secret either.
    expect(await saveOutcome({ ...email({ password: MASK }), name: "chat" }, saved.id)).toBe(
      "400 config.password",
    );
  });

  it("stores secrets sealed: a raw SELECT shows no password, signing secret or Slack token", async () => {
    const mail = await api.saveAlertChannel(t.db, ADMIN, email({}));
    const siem = await api.saveAlertChannel(t.db, ADMIN, {
      name: "siem",
      type: "webhook",
      enabled: true,
      config: { url: hook.url("/in"), secret: SIGNING },
    });
    const chat = await api.saveAlertChannel(t.db, ADMIN, {
      name: "chat",
      type: "teams",
      enabled: true,
      config: { url: hook.url(`/webhookb2/${SLACK_TOKEN}`) },
    });
    const raw = (await Promise.all([mail.id, siem.id, chat.id].map(storedConfig))).join("\n");
    for (const secret of [PASSWORD, SIGNING, "slacktokenXYZ"]) expect(raw).not.toContain(secret);
    expect(raw).toContain('"kid"');
    expect(JSON.stringify(await api.getAlertSettings(t.db, ADMIN))).not.toMatch(
      /hunter2|s3cret|slacktoken|"kid"/,
    );
  });

  it("seals a legacy plaintext row on its next save, without losing the secret", async () => {
    const legacy = await t.db.alertChannel.create({
      data: { name: "old", type: "webhook", config: { url: hook.url("/legacy"), secret: SIGNING } },
    });
    expect(await storedConfig(legacy.id)).toContain(SIGNING);
    expect(await shownConfig(legacy.id)).toEqual({ url: hook.url("/legacy"), secret: MASK });
    await api.saveAlertChannel(
      t.db,
      ADMIN,
      {
        name: "old",
        type: "webhook",
        enabled: false,
        config: { url: hook.url("/legacy"), secret: MASK },
      },
      legacy.id,
    );
    expect(await storedConfig(legacy.id)).not.toContain(SIGNING);
    const { testAlertChannel } = await import("./test-alert-channel");
    expect(await testAlertChannel(t.db, ADMIN, legacy.id)).toEqual({ status: "sent" });
    expect(hook.received.filter((r) => r.path === "/legacy")).toHaveLength(1);
  });

  it.each([
    [
      "the instance metadata service",
      "webhook",
      { url: "http://169.254.169.254/latest/meta-data/", secret: SIGNING },
      "config.url",
    ],
    ["a private address", "slack", { url: "https://10.0.0.8/services/x" }, "config.url"],
    ["IPv6 loopback", "teams", { url: "http://[::1]:8080/hook" }, "config.url"],
    [
      "an IPv4-mapped loopback",
      "webhook",
      { url: "http://[::ffff:127.0.0.2]/", secret: SIGNING },
      "config.url",
    ],
    [
      "a name that resolves to loopback",
      "webhook",
      { url: "http://localhost:9/", secret: SIGNING },
      "config.url",
    ],
    [
      "an SMTP host in a private range",
      "email",
      { host: "192.168.1.25", port: 587, from: "a@example.com", to: ["b@example.com"] },
      "config.host",
    ],
    [
      "the loopback receiver itself, once it is not allow-listed",
      "webhook",
      { url: "http://127.0.0.1:9/hook", secret: SIGNING },
      "config.url",
    ],
  ] as const)("refuses a destination at %s when saving", async (_what, type, config, field) => {
    const body: TChannelBody = { name: "x", type, enabled: true, config: { ...config } };
    const allowed = process.env.ORGLENS_ALLOWED_PRIVATE_TARGETS;
    process.env.ORGLENS_ALLOWED_PRIVATE_TARGETS = "";
    try {
      expect(await saveOutcome(body)).toBe(`400 ${field}`);
    } finally {
      process.env.ORGLENS_ALLOWED_PRIVATE_TARGETS = allowed;
    }
  });
});
