// Channel configuration per type, validated with zod; secrets are masked before leaving the server.
import { z } from "zod";

export const CHANNEL_TYPES = ["slack", "teams", "webhook", "email"] as const;
export type TChannelType = (typeof CHANNEL_TYPES)[number];

export const MASK = "••••••";

const ZUrl = z.url({ protocol: /^https?$/ });
export const ZSlackConfig = z.object({ url: ZUrl });
export const ZTeamsConfig = z.object({ url: ZUrl });
export const ZWebhookConfig = z.object({ url: ZUrl, secret: z.string().min(8) });
export const ZEmailConfig = z.object({
  host: z.string().min(1),
  port: z.coerce.number().int().min(1).max(65535),
  /** Implicit TLS (port 465); otherwise STARTTLS, required unless allowPlaintext. */
  secure: z.boolean().default(false),
  /** The explicit opt-out of TLS: the password and the mail then cross the network in clear. */
  allowPlaintext: z.boolean().default(false),
  user: z.string().optional(),
  password: z.string().optional(),
  from: z.email(),
  to: z.array(z.email()).min(1),
});

export const ZChannelInput = z.discriminatedUnion("type", [
  z.object({ type: z.literal("slack"), config: ZSlackConfig }),
  z.object({ type: z.literal("teams"), config: ZTeamsConfig }),
  z.object({ type: z.literal("webhook"), config: ZWebhookConfig }),
  z.object({ type: z.literal("email"), config: ZEmailConfig }),
]);
export type TChannelInput = z.infer<typeof ZChannelInput>;

export function parseChannel(type: string, config: unknown): TChannelInput {
  return ZChannelInput.parse({ type, config });
}

/** Keys holding secrets: webhook URLs of Slack/Teams embed a token, so they count as secrets too. */
export const SECRET_KEYS: Record<TChannelType, readonly string[]> = {
  slack: ["url"],
  teams: ["url"],
  webhook: ["secret"],
  email: ["password"],
};

export function isChannelType(t: string): t is TChannelType {
  return (CHANNEL_TYPES as readonly string[]).includes(t);
}

/** The config as shown to clients: secrets replaced by MASK (URLs keep their host for recognition). */
export function maskConfig(type: string, config: unknown): Record<string, unknown> {
  const obj = z.record(z.string(), z.unknown()).catch({}).parse(config);
  if (!isChannelType(type)) return {};
  const out: Record<string, unknown> = { ...obj };
  for (const key of SECRET_KEYS[type]) {
    const v = obj[key];
    if (v === undefined || v === null || v === "") continue;
    // A value that is not a string here is still sealed (its key is not configured): mask it too.
    out[key] = key === "url" && typeof v === "string" ? maskUrl(v) : MASK;
  }
  return out;
}

function maskUrl(url: string): string {
  try {
    return `${new URL(url).origin}/${MASK}`;
  } catch {
    return MASK;
  }
}

/** What a secret is sent to: a masked secret may only be kept while this stays the same. */
const DESTINATION_KEYS: Record<TChannelType, readonly string[]> = {
  slack: ["url"],
  teams: ["url"],
  webhook: ["url"],
  email: ["host", "port", "user", "secure", "allowPlaintext"],
};

const SECRET_LABEL: Record<TChannelType, string> = {
  slack: "webhook URL",
  teams: "webhook URL",
  webhook: "signing secret",
  email: "SMTP password",
};
const DESTINATION_LABEL: Record<TChannelType, string> = {
  slack: "URL",
  teams: "URL",
  webhook: "URL",
  email: "host, port, user or TLS mode",
};

export type TMergeResult =
  { ok: true; config: Record<string, unknown> } | { ok: false; field: string; message: string };

/**
 * An update may send MASK for a secret it did not change: the stored value is kept only while the
 * destination it is sent to is the same, else a changed host could receive the stored secret.
 * Slack/Teams URLs are their own destination: a masked URL is kept only when it is the stored one's mask.
 */
export function mergeSecrets(
  type: string,
  stored: unknown,
  next: Record<string, unknown>,
): TMergeResult {
  const old = z.record(z.string(), z.unknown()).catch({}).parse(stored);
  if (!isChannelType(type)) return { ok: true, config: next };
  const out = { ...next };
  for (const key of SECRET_KEYS[type]) {
    const v = next[key];
    if (typeof v !== "string" || !v.includes(MASK)) continue;
    const prev = old[key];
    const unchanged =
      key === "url"
        ? typeof prev === "string" && v === maskUrl(prev)
        : DESTINATION_KEYS[type].every((d) => sameValue(d, old[d], next[d]));
    if (!unchanged || typeof prev !== "string") {
      const message = `Enter the ${SECRET_LABEL[type]} again: the ${DESTINATION_LABEL[type]} changed, and a stored secret is only kept for the same destination.`;
      return { ok: false, field: `config.${key}`, message };
    }
    out[key] = prev;
  }
  return { ok: true, config: out };
}

/** Compares as the parsed config would (port "25" equals 25, an absent user equals ""). */
function sameValue(key: string, a: unknown, b: unknown): boolean {
  if (key === "url") return normalizeUrl(a) === normalizeUrl(b);
  if (key === "port") return Number(a) === Number(b);
  if (key === "secure" || key === "allowPlaintext") return Boolean(a) === Boolean(b);
  if (key === "host")
    return (
      typeof a === "string" &&
      typeof b === "string" &&
      a.trim().toLowerCase() === b.trim().toLowerCase()
    );
  return (a ?? "") === (b ?? "");
}

function normalizeUrl(u: unknown): string | null {
  if (typeof u !== "string") return null;
  try {
    return new URL(u).href;
  } catch {
    return u;
  }
}
