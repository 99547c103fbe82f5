// One delivery attempt loop: retried with exponential backoff on network errors and 5xx; a 4xx
// (or a permanent SMTP 5xx) is the receiver saying no, and retrying would not change its mind.
import nodemailer from "nodemailer";
import { z } from "zod";
import { parseChannel, type TChannelInput } from "./channel-config";
import { emailContent, slackBody, teamsBody, type TAlertEvent } from "./alert-event";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signBody } from "./sign";

export interface SendOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface SendOutcome {
  ok: boolean;
  attempts: number;
  error: string | null;
}

class PermanentError extends Error {}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function sendAlert(channel: { type: string; config: unknown }, event: TAlertEvent, opts: SendOptions = {}): Promise<SendOutcome> {
  const { maxAttempts = 3, baseDelayMs = 500, timeoutMs = 10_000, sleep = wait } = opts;
  let parsed: TChannelInput;
  try {
    parsed = parseChannel(channel.type, channel.config);
  } catch {
    return { ok: false, attempts: 0, error: "invalid channel configuration" };
  }
  let lastError = "";
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      await sendOnce(parsed, event, timeoutMs);
      return { ok: true, attempts: attempt, error: null };
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err);
      if (err instanceof PermanentError || attempt === maxAttempts) return { ok: false, attempts: attempt, error: lastError.slice(0, 2000) };
      await sleep(baseDelayMs * 2 ** (attempt - 1));
    }
  }
  return { ok: false, attempts: maxAttempts, error: lastError };
}

async function sendOnce(ch: TChannelInput, event: TAlertEvent, timeoutMs: number): Promise<void> {
  switch (ch.type) {
    case "slack":
      return post(ch.config.url, JSON.stringify(slackBody(event)), {}, timeoutMs);
    case "teams":
      return post(ch.config.url, JSON.stringify(teamsBody(event)), {}, timeoutMs);
    case "webhook": {
      const body = JSON.stringify(event);
      const ts = String(Math.floor(Date.now() / 1000));
      return post(ch.config.url, body, { [TIMESTAMP_HEADER]: ts, [SIGNATURE_HEADER]: signBody(ch.config.secret, ts, body) }, timeoutMs);
    }
    case "email":
      return sendEmail(ch.config, event, timeoutMs);
  }
}

async function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<void> {
  const res = await fetch(url, { method: "POST", body, headers: { "content-type": "application/json", ...headers }, signal: AbortSignal.timeout(timeoutMs), redirect: "error" });
  if (res.ok) return;
  const text = (await res.text().catch(() => "")).slice(0, 300);
  const message = `HTTP ${res.status}${text ? `: ${text}` : ""}`;
  if (res.status >= 400 && res.status < 500 && res.status !== 429) throw new PermanentError(message);
  throw new Error(message);
}

const ZSmtpError = z.object({ responseCode: z.number() });

async function sendEmail(cfg: Extract<TChannelInput, { type: "email" }>["config"], event: TAlertEvent, timeoutMs: number): Promise<void> {
  const transport = nodemailer.createTransport({
    host: cfg.host,
    port: cfg.port,
    secure: cfg.secure,
    auth: cfg.user ? { user: cfg.user, pass: cfg.password ?? "" } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  try {
    const { subject, text } = emailContent(event);
    await transport.sendMail({ from: cfg.from, to: cfg.to, subject, text });
  } catch (err) {
    const smtp = ZSmtpError.safeParse(err);
    const message = err instanceof Error ? err.message : String(err);
    if (smtp.success && smtp.data.responseCode >= 500) throw new PermanentError(message);
    throw new Error(message);
  } finally {
    transport.close();
  }
}
