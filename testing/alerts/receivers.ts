// Loopback receivers for alert tests: an HTTP webhook endpoint with scripted statuses, and an SMTP server.
import http from "node:http";
import type { Server } from "node:net";
import { SMTPServer } from "smtp-server";

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  url: (path?: string) => string;
  received: Received[];
  /** Statuses answered in order for a path; 200 once exhausted. */
  script: (path: string, statuses: number[]) => void;
  close: () => Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: Received[] = [];
  const scripts = new Map<string, number[]>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const status = scripts.get(path)?.shift() ?? 200;
      // A body an internal service might hold, and for 3xx a redirect elsewhere: neither may reach the admin.
      const headers =
        status >= 300 && status < 400
          ? { "content-type": "text/plain", location: "/redirected" }
          : { "content-type": "text/plain" };
      res
        .writeHead(status, headers)
        .end(status === 200 ? "ok" : "internal-body: ami-id i-0123456789");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = portOf(server);
  return {
    url: (path = "/hook") => `http://127.0.0.1:${port}${path}`,
    received,
    script: (path, statuses) => scripts.set(path, [...statuses]),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface SmtpReceiver {
  port: number;
  messages: { from: string; to: string[]; data: string }[];
  /** Credentials clients logged in with (any are accepted): what a hostile listener would collect. */
  logins: { username: string; password: string }[];
  close: () => Promise<void>;
}

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const messages: SmtpReceiver["messages"] = [];
  const logins: SmtpReceiver["logins"] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    onAuth(auth, _session, callback) {
      logins.push({ username: auth.username ?? "", password: auth.password ?? "" });
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        messages.push({
          from,
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = portOf(server.server);
  return {
    port,
    messages,
    logins,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function portOf(server: Server): number {
  const addr = server.address();
  if (!addr || typeof addr === "string") throw new Error("receiver is not listening on TCP");
  return addr.port;
}
