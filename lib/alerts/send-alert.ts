// One delivery attempt loop: retried with exponential backoff on network errors and 5xx; a 4xx
// (or a permanent SMTP 5xx) is the receiver saying no, and retrying would not change its mind.
// What is logged of a failure is a status line or an error code, never what the receiver answered:
// a delivery pointed at some internal service must not read its responses back to the admin.
import { STATUS_CODES } from "node:http";
import { isIP } from "node:net";
import nodemailer from "nodemailer";
import { z } from "zod";
import { parseChannel, type TChannelInput } from "./channel-config";
import { emailContent, slackBody, teamsBody, type TAlertEvent } from "./alert-event";
import { postWebhook } from "./post-webhook";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signBody } from "./sign";
import {
  allowListFromEnv,
  resolveTarget,
  TargetRefusedError,
  type Resolver,
  type TAllowEntry,
} from "./target-policy";

export interface SendOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Private targets the operator allowed; read from ORGLENS_ALLOWED_PRIVATE_TARGETS by default. */
  allow?: readonly TAllowEntry[];
  /** DNS; the system resolver by default. */
  resolve?: Resolver;
}

export interface SendOutcome {
  ok: boolean;
  attempts: number;
  error: string | null;
}

/** Failures described by our own words only (status line, error code): safe to log as they are. */
class RetryableError extends Error {}
class PermanentError extends Error {}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What one delivery says, in each channel type's format (an alert, or a scheduled report's digest). */
export interface OutboundMessage {
  slack: unknown;
  teams: unknown;
  /** The signed webhook's JSON body. */
  webhook: unknown;
  email: {
    subject: string;
    text: string;
    html?: string;
    /** Images the HTML shows inline (`<img src="cid:...">`). */
    attachments?: { cid: string; filename: string; content: Buffer }[];
    /** Recipients instead of the channel's own (a report's recipients). */
    to?: string[];
  };
}

export function alertMessage(event: TAlertEvent): OutboundMessage {
  return {
    slack: slackBody(event),
    teams: teamsBody(event),
    webhook: event,
    email: emailContent(event),
  };
}

/** `channel.config` holds plaintext secrets here (see channel-secrets.ts). */
export async function sendAlert(
  channel: { type: string; config: unknown },
  event: TAlertEvent,
  opts: SendOptions = {},
): Promise<SendOutcome> {
  return sendMessage(channel, alertMessage(event), opts);
}

export async function sendMessage(
  channel: { type: string; config: unknown },
  message: OutboundMessage,
  opts: SendOptions = {},
): Promise<SendOutcome> {
  const { maxAttempts = 3, baseDelayMs = 500, timeoutMs = 10_000, sleep = wait } = opts;
  let parsed: TChannelInput;
  let allow: readonly TAllowEntry[];
  try {
    parsed = parseChannel(channel.type, channel.config);
    allow = opts.allow ?? allowListFromEnv();
  } catch (err) {
    return {
      ok: false,
      attempts: 0,
      error: err instanceof TargetRefusedError ? err.message : "invalid channel configuration",
    };
  }
  const target = { allow, resolve: opts.resolve, timeoutMs };
  let lastError = "";
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      await sendOnce(parsed, message, target);
      return { ok: true, attempts: attempt, error: null };
    } catch (err) {
      const permanent = err instanceof PermanentError || err instanceof TargetRefusedError;
      lastError = permanent || err instanceof RetryableError ? err.message : networkError(err);
      if (permanent || attempt === maxAttempts)
        return { ok: false, attempts: attempt, error: lastError };
      await sleep(baseDelayMs * 2 ** (attempt - 1));
    }
  }
  return { ok: false, attempts: maxAttempts, error: lastError };
}

interface Target {
  allow: readonly TAllowEntry[];
  resolve: Resolver | undefined;
  timeoutMs: number;
}

async function sendOnce(
  ch: TChannelInput,
  message: OutboundMessage,
  target: Target,
): Promise<void> {
  switch (ch.type) {
    case "slack":
      return post(ch.config.url, JSON.stringify(message.slack), {}, target);
    case "teams":
      return post(ch.config.url, JSON.stringify(message.teams), {}, target);
    case "webhook": {
      const body = JSON.stringify(message.webhook);
      const ts = String(Math.floor(Date.now() / 1000));
      return post(
        ch.config.url,
        body,
        { [TIMESTAMP_HEADER]: ts, [SIGNATURE_HEADER]: signBody(ch.config.secret, ts, body) },
        target,
      );
    }
    case "email":
      return sendEmail(ch.config, message.email, target);
  }
}

async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  target: Target,
): Promise<void> {
  const status = await postWebhook(url, body, headers, target);
  if (status >= 200 && status < 300) return;
  const message = `HTTP ${status} ${STATUS_CODES[status] ?? ""}`.trim();
  // 3xx included: redirects are not followed, so asking again would get the same answer.
  if (status < 500 && status !== 429) throw new PermanentError(message);
  throw new RetryableError(message);
}

/** A network failure as its error code ("ECONNREFUSED", "timeout"), not a message that may quote a peer. */
function networkError(err: unknown): string {
  const parsed = z
    .object({ code: z.string().optional(), name: z.string().optional() })
    .safeParse(err);
  if (!parsed.success) return "network error";
  if (parsed.data.name === "TimeoutError" || parsed.data.name === "AbortError") return "timeout";
  return parsed.data.code ?? "network error";
}

const ZSmtpError = z.object({ code: z.string().optional(), responseCode: z.number().optional() });

const SMTP_HINT: Record<string, string> = {
  ETLS: "TLS could not be set up (the server offers no STARTTLS, or its certificate is not valid for the host)",
  EAUTH: "authentication failed",
  ECONNECTION: "connection failed",
  ETIMEDOUT: "timed out",
  ESOCKET: "connection failed",
  EENVELOPE: "sender or recipient refused",
};

async function sendEmail(
  cfg: Extract<TChannelInput, { type: "email" }>["config"],
  email: OutboundMessage["email"],
  target: Target,
): Promise<void> {
  const { address } = await resolveTarget(cfg.host, target.allow, target.resolve);
  const transport = nodemailer.createTransport({
    // Connect to the checked address; certificates are still checked against the configured host name.
    host: address,
    port: cfg.port,
    secure: cfg.secure,
    requireTLS: !cfg.secure && !cfg.allowPlaintext,
    tls: { servername: isIP(cfg.host) ? undefined : cfg.host },
    auth: cfg.user ? { user: cfg.user, pass: cfg.password ?? "" } : undefined,
    connectionTimeout: target.timeoutMs,
    greetingTimeout: target.timeoutMs,
    socketTimeout: target.timeoutMs,
  });
  try {
    const { subject, text, html, attachments, to } = email;
    await transport.sendMail({
      from: cfg.from,
      to: to?.length ? to : cfg.to,
      subject,
      text,
      html,
      attachments: attachments?.map((a) => ({
        cid: a.cid,
        filename: a.filename,
        content: a.content,
        contentType: "image/png",
        contentDisposition: "inline" as const,
      })),
    });
  } catch (err) {
    const smtp = ZSmtpError.safeParse(err);
    const code = smtp.success ? smtp.data.code : undefined;
    const responseCode = smtp.success ? smtp.data.responseCode : undefined;
    const message = [
      "SMTP",
      code,
      responseCode,
      code && SMTP_HINT[code] ? `(${SMTP_HINT[code]})` : null,
    ]
      .filter((p) => p !== undefined && p !== null)
      .join(" ");
    if ((responseCode ?? 0) >= 500 || code === "ETLS" || code === "EAUTH")
      throw new PermanentError(message);
    throw new RetryableError(message);
  } finally {
    transport.close();
  }
}
