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
  secure: z.boolean().default(false),
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
const SECRET_KEYS: Record<TChannelType, readonly string[]> = {
  slack: ["url"],
  teams: ["url"],
  webhook: ["secret"],
  email: ["password"],
};

function isChannelType(t: string): t is TChannelType {
  return (CHANNEL_TYPES as readonly string[]).includes(t);
}

/** The config as shown to clients: secrets replaced by MASK (URLs keep their host for recognition). */
export function maskConfig(type: string, config: unknown): Record<string, unknown> {
  const obj = z.record(z.string(), z.unknown()).catch({}).parse(config);
  if (!isChannelType(type)) return {};
  const out: Record<string, unknown> = { ...obj };
  for (const key of SECRET_KEYS[type]) {
    const v = obj[key];
    if (typeof v !== "string" || !v) continue;
    out[key] = key === "url" ? maskUrl(v) : MASK;
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

/** An update may send MASK for a secret it did not change: keep the stored value then. */
export function mergeSecrets(type: string, stored: unknown, next: Record<string, unknown>): Record<string, unknown> {
  const old = z.record(z.string(), z.unknown()).catch({}).parse(stored);
  if (!isChannelType(type)) return next;
  const out = { ...next };
  for (const key of SECRET_KEYS[type]) {
    const v = next[key];
    if (typeof v === "string" && v.includes(MASK)) out[key] = old[key];
  }
  return out;
}
