import { describe, expect, it } from "vitest";
import { MASK, maskConfig, mergeSecrets, parseChannel } from "./channel-config";

describe("channel secrets", () => {
  it("masks webhook secrets, Slack/Teams URLs (they embed a token) and SMTP passwords", () => {
    expect(maskConfig("webhook", { url: "https://siem.example/in", secret: "topsecret" })).toEqual({ url: "https://siem.example/in", secret: MASK });
    expect(maskConfig("slack", { url: "https://hooks.slack.com/services/T0/B0/xyz" })).toEqual({ url: `https://hooks.slack.com/${MASK}` });
    expect(maskConfig("email", { host: "smtp", password: "pw", to: ["a@b.c"] })).toMatchObject({ host: "smtp", password: MASK });
    expect(JSON.stringify(maskConfig("teams", { url: "https://x.webhook.office.com/webhookb2/abc" }))).not.toContain("abc");
  });

  it("keeps the stored secret when an update sends the mask back", () => {
    const merged = mergeSecrets("webhook", { url: "https://a", secret: "old-secret" }, { url: "https://b", secret: MASK });
    expect(merged).toEqual({ url: "https://b", secret: "old-secret" });
    expect(mergeSecrets("webhook", { secret: "old-secret" }, { secret: "new-secret" })).toEqual({ secret: "new-secret" });
  });

  it("validates each type's config", () => {
    expect(() => parseChannel("webhook", { url: "https://a", secret: "short" })).toThrow();
    expect(() => parseChannel("slack", { url: "ftp://a" })).toThrow();
    expect(parseChannel("email", { host: "h", port: "587", from: "a@b.co", to: ["c@d.co"] })).toMatchObject({ config: { port: 587, secure: false } });
  });
});
