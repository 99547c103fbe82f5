import { describe, expect, it } from "vitest";
import { MASK, maskConfig, mergeSecrets, parseChannel } from "./channel-config";

const smtp = {
  host: "smtp.example.com",
  port: 587,
  secure: false,
  allowPlaintext: false,
  user: "orglens",
  password: "pw-stored",
  from: "a@b.co",
  to: ["c@d.co"],
};

describe("channel secrets", () => {
  it("masks webhook secrets, Slack/Teams URLs (they embed a token) and SMTP passwords", () => {
    expect(maskConfig("webhook", { url: "https://siem.example/in", secret: "topsecret" })).toEqual({
      url: "https://siem.example/in",
      secret: MASK,
    });
    expect(maskConfig("slack", { url: "https://hooks.slack.com/services/T0/B0/xyz" })).toEqual({
      url: `https://hooks.slack.com/${MASK}`,
    });
    expect(maskConfig("email", { host: "smtp", password: "pw", to: ["a@b.c"] })).toMatchObject({
      host: "smtp",
      password: MASK,
    });
    expect(
      JSON.stringify(maskConfig("teams", { url: "https://x.webhook.office.com/webhookb2/abc" })),
    ).not.toContain("abc");
    // A value still sealed (its key is not configured) is masked, not shown.
    expect(
      maskConfig("webhook", {
        url: "https://a",
        secret: { v: 1, kid: "k", iv: "i", tag: "t", data: "d" },
      }),
    ).toEqual({ url: "https://a", secret: MASK });
  });

  it("keeps the stored secret when the mask comes back for the same destination", () => {
    expect(
      mergeSecrets(
        "webhook",
        { url: "https://a/x", secret: "old-secret" },
        { url: "https://a/x", secret: MASK },
      ),
    ).toEqual({ ok: true, config: { url: "https://a/x", secret: "old-secret" } });
    expect(
      mergeSecrets(
        "webhook",
        { url: "https://a", secret: "old-secret" },
        { url: "https://b", secret: "new-secret" },
      ),
    ).toEqual({ ok: true, config: { url: "https://b", secret: "new-secret" } });
    expect(
      mergeSecrets(
        "slack",
        { url: "https://hooks.slack.com/services/T/B/x" },
        { url: `https://hooks.slack.com/${MASK}` },
      ),
    ).toMatchObject({ ok: true, config: { url: "https://hooks.slack.com/services/T/B/x" } });
    // Other recipients, a port typed as text: still the same destination.
    expect(
      mergeSecrets("email", smtp, { ...smtp, port: "587", to: ["e@f.co"], password: MASK }),
    ).toMatchObject({ ok: true, config: { password: "pw-stored", to: ["e@f.co"] } });
  });

  it.each([
    [
      "webhook URL",
      "webhook",
      { url: "https://a/x", secret: "old-secret" },
      { url: "https://evil.example/x", secret: MASK },
      "config.secret",
    ],
    [
      "Slack origin",
      "slack",
      { url: "https://hooks.slack.com/services/T/B/x" },
      { url: `https://evil.example/${MASK}` },
      "config.url",
    ],
    [
      "SMTP host",
      "email",
      smtp,
      { ...smtp, host: "listener.evil.example", password: MASK },
      "config.password",
    ],
    ["SMTP port", "email", smtp, { ...smtp, port: 2525, password: MASK }, "config.password"],
    ["SMTP user", "email", smtp, { ...smtp, user: "other", password: MASK }, "config.password"],
    [
      "TLS mode",
      "email",
      smtp,
      { ...smtp, allowPlaintext: true, password: MASK },
      "config.password",
    ],
    ["nothing stored", "email", {}, { ...smtp, password: MASK }, "config.password"],
  ])("asks for the secret again when the %s changed", (_what, type, stored, next, field) => {
    const merged = mergeSecrets(type, stored, next);
    expect(merged).toMatchObject({ ok: false, field });
    expect(merged.ok ? "" : merged.message).toMatch(/^Enter the .+ again/);
  });

  it("validates each type's config, and SMTP defaults to required TLS", () => {
    expect(() => parseChannel("webhook", { url: "https://a", secret: "short" })).toThrow();
    expect(() => parseChannel("slack", { url: "ftp://a" })).toThrow();
    expect(
      parseChannel("email", { host: "h", port: "587", from: "a@b.co", to: ["c@d.co"] }),
    ).toMatchObject({ config: { port: 587, secure: false, allowPlaintext: false } });
  });
});
