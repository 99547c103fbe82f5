// Key rotation against the real database: every secret ends up under the new key (plaintext rows
// included), all in one transaction; a secret that no configured key opens changes nothing.
import { execFile } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { keyOf, type EncryptionKey } from "@/lib/secrets/encryption-key";
import { SecretUnreadableError } from "@/lib/secrets/secret-box";
import { useTestDatabase } from "@/testing/db";
import { openChannelConfig, sealChannelConfig } from "./channel-secrets";
import { rotateChannelSecrets } from "./rotate-channel-secrets";

const OLD = randomBytes(32);
const NEW = randomBytes(32);
const ZJsonObject = z.record(z.string(), z.json());

describe("rotating the encryption key", () => {
  const t = useTestDatabase();

  async function channel(
    name: string,
    type: string,
    config: Record<string, unknown>,
    key: EncryptionKey | null,
  ) {
    const id = randomUUID();
    const stored = ZJsonObject.parse(key ? sealChannelConfig({ id, type, config }, key) : config);
    return t.db.alertChannel.create({ data: { id, name, type, config: stored } });
  }
  const rawConfigs = async () =>
    (
      await t.db.$queryRaw<
        { id: string; config: string }[]
      >`SELECT id::text, config::text FROM alert_channel ORDER BY id`
    )
      .map((r) => `${r.id} ${r.config}`)
      .join("\n");

  it("re-seals every secret under the new key in one go, plaintext rows included, and nothing is lost", async () => {
    const mail = await channel(
      "mail",
      "email",
      {
        host: "smtp.example.com",
        port: 587,
        password: "mail-password-1",
        from: "a@example.com",
        to: ["b@example.com"],
      },
      keyOf(OLD),
    );
    const chat = await channel(
      "chat",
      "slack",
      { url: "https://hooks.slack.com/services/T/B/slacktoken1" },
      keyOf(OLD),
    );
    const legacy = await channel(
      "legacy",
      "webhook",
      { url: "https://siem.example.com/in", secret: "legacy-signing-1" },
      null,
    );
    const none = await channel(
      "no secret",
      "email",
      { host: "smtp.example.com", port: 587, from: "a@example.com", to: ["b@example.com"] },
      null,
    );

    const summary = await rotateChannelSecrets(t.db, {
      current: keyOf(NEW),
      readable: [keyOf(NEW), keyOf(OLD)],
    });
    expect(summary).toEqual({ keyId: keyOf(NEW).id, channels: 3, secrets: 3, wasPlaintext: 1 });

    const raw = await rawConfigs();
    for (const secret of ["mail-password-1", "slacktoken1", "legacy-signing-1"])
      expect(raw).not.toContain(secret);
    expect(raw).not.toContain(keyOf(OLD).id);
    // The new key alone opens everything, with the same secrets as before.
    const rows = await t.db.alertChannel.findMany({
      where: { id: { in: [mail.id, chat.id, legacy.id, none.id] } },
    });
    const opened = Object.fromEntries(
      rows.map((r) => [r.name, openChannelConfig(r, [keyOf(NEW)])]),
    );
    expect(opened.mail).toMatchObject({ password: "mail-password-1", host: "smtp.example.com" });
    expect(opened.chat).toEqual({ url: "https://hooks.slack.com/services/T/B/slacktoken1" });
    expect(opened.legacy).toEqual({
      url: "https://siem.example.com/in",
      secret: "legacy-signing-1",
    });
    expect(opened["no secret"]).not.toHaveProperty("password");
    await t.db.alertChannel.deleteMany({});
  });

  it("changes nothing when one secret is under a key it was not given", async () => {
    await channel(
      "ok",
      "webhook",
      { url: "https://a.example.com/", secret: "signing-ok-1" },
      keyOf(OLD),
    );
    await channel(
      "lost",
      "webhook",
      { url: "https://b.example.com/", secret: "signing-lost" },
      keyOf(randomBytes(32)),
    );
    const before = await rawConfigs();
    await expect(
      rotateChannelSecrets(t.db, { current: keyOf(NEW), readable: [keyOf(NEW), keyOf(OLD)] }),
    ).rejects.toThrow(SecretUnreadableError);
    expect(await rawConfigs()).toBe(before);
    await t.db.alertChannel.deleteMany({});
  });

  it("runs as `npm run secrets:rotate`, reading the old and the new key from the environment", async () => {
    const ch = await channel(
      "cli",
      "webhook",
      { url: "https://c.example.com/", secret: "signing-cli-1" },
      keyOf(OLD),
    );
    const env = {
      ...process.env,
      DATABASE_URL: t.url,
      ORGLENS_ENCRYPTION_KEY: NEW.toString("base64"),
      ORGLENS_PREVIOUS_ENCRYPTION_KEY: OLD.toString("hex"),
    };
    const { stderr } = await promisify(execFile)("npx", ["tsx", "scripts/secrets-rotate.ts"], {
      env,
    });
    expect(stderr).toContain(`Done: 1 secret(s) in 1 channel(s) now under key ${keyOf(NEW).id}`);
    const row = await t.db.alertChannel.findUniqueOrThrow({ where: { id: ch.id } });
    expect(openChannelConfig(row, [keyOf(NEW)])).toMatchObject({ secret: "signing-cli-1" });
  }, 180_000);
});
