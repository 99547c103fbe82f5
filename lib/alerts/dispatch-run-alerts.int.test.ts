import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { runCollection, type RunResult } from "@/lib/collect/run";
import { evaluateRun } from "@/lib/collect/evaluate";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { ACC, OU, auditOf, baselineSnapshot, iamUser } from "@/testing/checks/fixtures";
import { IAM_LOCAL_USERS } from "@/lib/domain/checks/iam-local-users";
import type { TSnapshot } from "@/lib/domain/snapshot";
import { createTestDatabase, type TestDatabase } from "@/testing/db";
import { ZAlertEvent } from "./alert-event";
import { dispatchRunAlerts, sendTestAlert } from "./dispatch-run-alerts";
import { sendAlert } from "./send-alert";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from "./sign";
import {
  startSmtpReceiver,
  startWebhookReceiver,
  type SmtpReceiver,
  type WebhookReceiver,
} from "@/testing/alerts/receivers";

const SECRET = "s3cret-signing-key";
const day = (n: number) => `2026-03-${String(15 + n).padStart(2, "0")}T06:00:00.000Z`;
const FAST = { baseDelayMs: 5 };

function snapshotAt(at: string, users: [string, string][]): TSnapshot {
  const s = baselineSnapshot();
  s.collectedAt = at;
  for (const [account, name] of users)
    auditOf(s, account).iamUsers.push(iamUser(account, name, { passwordEnabled: true }));
  return s;
}

describe("alerts after a run", () => {
  let tdb: TestDatabase;
  let db: Db;
  let hook: WebhookReceiver;
  let smtp: SmtpReceiver;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    db = createPrismaClient(tdb.url);
    hook = await startWebhookReceiver();
    smtp = await startSmtpReceiver();
    // The receivers listen on loopback, which deliveries refuse unless the operator allows it.
    process.env.ORGLENS_ALLOWED_PRIVATE_TARGETS = "127.0.0.1";
  });
  afterAll(async () => {
    await hook?.close();
    await smtp?.close();
    await db?.$disconnect();
    await tdb?.drop();
  });

  const collect = (snap: TSnapshot): Promise<RunResult> =>
    runCollection(db, tdb.url, {
      source: "demo",
      produce: () => Promise.resolve(snap),
      evaluate: evaluateRun,
      afterCommit: async (_r, runId) => void (await dispatchRunAlerts(db, runId, FAST)),
    });

  it("signs webhook payloads, sends each new finding once across runs, and ignores other OUs", async () => {
    const ch = await db.alertChannel.create({
      data: { name: "siem", type: "webhook", config: { url: hook.url("/hook"), secret: SECRET } },
    });
    await db.alertRule.create({
      data: {
        channelId: ch.id,
        name: "local users in SDLC",
        checkIds: [IAM_LOCAL_USERS],
        categories: [],
        severities: [],
        ouIds: [OU.sdlc],
      },
    });

    const r1 = await collect(
      snapshotAt(day(0), [
        [ACC.dev, "alice"],
        [ACC.prod, "pat"],
      ]),
    );
    const r2 = await collect(
      snapshotAt(day(1), [
        [ACC.dev, "alice"],
        [ACC.prod, "pat"],
      ]),
    );
    const r3 = await collect(
      snapshotAt(day(2), [
        [ACC.dev, "alice"],
        [ACC.dev, "bob"],
        [ACC.prod, "pat"],
      ]),
    );

    const hits = hook.received.filter((r) => r.path === "/hook");
    expect(hits).toHaveLength(2);
    for (const h of hits) {
      const ts = String(h.headers[TIMESTAMP_HEADER.toLowerCase()]);
      const sig = String(h.headers[SIGNATURE_HEADER.toLowerCase()]);
      expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
      expect(verifySignature(SECRET, ts, h.body, sig)).toBe(true);
    }
    const events = hits.map((h) => ZAlertEvent.parse(JSON.parse(h.body)));
    expect(events.map((e) => [e.event, e.runId, e.finding?.checkId, e.finding?.accountId])).toEqual(
      [
        ["finding.opened", r1.runId, IAM_LOCAL_USERS, ACC.dev],
        ["finding.opened", r3.runId, IAM_LOCAL_USERS, ACC.dev],
      ],
    );
    expect(events[1]?.finding?.resource).toContain("bob");
    const rows = await db.alertDelivery.findMany({
      where: { channelId: ch.id },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((r) => [r.status, r.attempts, r.runId])).toEqual([
      ["sent", 1, r1.runId],
      ["sent", 1, r3.runId],
    ]);
    // Dispatching a run again (e.g. a retried hook) does not send twice.
    expect(await dispatchRunAlerts(db, r3.runId, FAST)).toMatchObject({
      sent: 0,
      skippedDuplicates: 1,
    });
    expect(r2.status).toBe("succeeded");
    await db.alertChannel.delete({ where: { id: ch.id } });
  });

  it("retries a 500 twice and logs three attempts; a 400 is not retried", async () => {
    hook.script("/flaky", [500, 500]);
    hook.script("/bad", [400, 400, 400]);
    const flaky = await db.alertChannel.create({
      data: { name: "flaky", type: "slack", config: { url: hook.url("/flaky") } },
    });
    const bad = await db.alertChannel.create({
      data: { name: "bad", type: "teams", config: { url: hook.url("/bad") } },
    });
    for (const ch of [flaky, bad])
      await db.alertRule.create({
        data: {
          channelId: ch.id,
          name: "all high",
          checkIds: [],
          categories: [],
          severities: ["high"],
          ouIds: [],
        },
      });

    await collect(snapshotAt(day(3), [[ACC.prod, "carol"]]));

    const [f] = await db.alertDelivery.findMany({ where: { channelId: flaky.id } });
    expect(f).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    expect(hook.received.filter((r) => r.path === "/flaky")).toHaveLength(3);
    const slack = z
      .object({ text: z.string() })
      .parse(JSON.parse(hook.received.filter((r) => r.path === "/flaky")[2]?.body ?? "{}"));
    expect(slack.text).toContain("New high finding");

    const [b] = await db.alertDelivery.findMany({ where: { channelId: bad.id } });
    // Only the status line is kept: the receiver's body never comes back to the admin.
    expect(b).toMatchObject({ status: "failed", attempts: 1, lastError: "HTTP 400 Bad Request" });
    expect(JSON.parse(hook.received.find((r) => r.path === "/bad")?.body ?? "{}")).toMatchObject({
      "@type": "MessageCard",
    });
  });

  it("emails through SMTP (TLS explicitly disabled for this channel) and logs the test delivery", async () => {
    const config = {
      host: "127.0.0.1",
      port: smtp.port,
      secure: false,
      allowPlaintext: true,
      from: "orglens@example.com",
      to: ["secops@example.com"],
    };
    const ch = await db.alertChannel.create({ data: { name: "mail", type: "email", config } });
    expect(await sendTestAlert(db, ch, FAST)).toBe("sent");
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]).toMatchObject({
      from: "orglens@example.com",
      to: ["secops@example.com"],
    });
    expect(smtp.messages[0]?.data).toContain("Subject: [OrgLens] OrgLens test alert");
    const rows = await db.alertDelivery.findMany({ where: { channelId: ch.id } });
    expect(rows).toMatchObject([{ status: "sent", attempts: 1, runId: null }]);
  });

  it("requires TLS from an SMTP server unless the channel disables it", async () => {
    const config = {
      host: "127.0.0.1",
      port: smtp.port,
      from: "orglens@example.com",
      to: ["secops@example.com"],
    };
    const ch = await db.alertChannel.create({
      data: { name: "mail, TLS required", type: "email", config },
    });
    const before = smtp.messages.length;
    expect(await sendTestAlert(db, ch, FAST)).toBe("failed");
    expect(smtp.messages).toHaveLength(before);
    const [row] = await db.alertDelivery.findMany({ where: { channelId: ch.id } });
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row?.lastError).toMatch(/^SMTP ETLS/);
  });

  it("refuses internal destinations at send time unless allow-listed, and connects nowhere", async () => {
    const allowed = process.env.ORGLENS_ALLOWED_PRIVATE_TARGETS;
    process.env.ORGLENS_ALLOWED_PRIVATE_TARGETS = "";
    try {
      // Rows written before the save-time check (or by hand) are checked again when sending.
      const loop = await db.alertChannel.create({
        data: {
          name: "loopback",
          type: "webhook",
          config: { url: hook.url("/loop"), secret: SECRET },
        },
      });
      const imds = await db.alertChannel.create({
        data: {
          name: "imds",
          type: "slack",
          config: { url: "http://169.254.169.254/latest/meta-data/" },
        },
      });
      const mail = await db.alertChannel.create({
        data: {
          name: "mail loop",
          type: "email",
          config: {
            host: "localhost",
            port: smtp.port,
            allowPlaintext: true,
            from: "a@example.com",
            to: ["b@example.com"],
          },
        },
      });
      const before = smtp.messages.length;
      for (const ch of [loop, imds, mail]) expect(await sendTestAlert(db, ch, FAST)).toBe("failed");
      expect(hook.received.filter((r) => r.path === "/loop")).toHaveLength(0);
      expect(smtp.messages).toHaveLength(before);
      const rows = await db.alertDelivery.findMany({
        where: { channelId: { in: [loop.id, imds.id, mail.id] } },
        include: { channel: true },
      });
      expect(
        Object.fromEntries(rows.map((r) => [r.channel.name, [r.attempts, r.lastError]])),
      ).toEqual({
        loopback: [
          1,
          "Refused: 127.0.0.1 is a loopback address. An operator can allow it with ORGLENS_ALLOWED_PRIVATE_TARGETS.",
        ],
        imds: [
          1,
          "Refused: 169.254.169.254 is a link-local address. An operator can allow it with ORGLENS_ALLOWED_PRIVATE_TARGETS.",
        ],
        "mail loop": [
          1,
          "Refused: localhost resolves to a loopback address. An operator can allow it with ORGLENS_ALLOWED_PRIVATE_TARGETS.",
        ],
      });
    } finally {
      process.env.ORGLENS_ALLOWED_PRIVATE_TARGETS = allowed;
    }
  });

  it("does not follow redirects and keeps only the status line", async () => {
    hook.script("/moved", [302]);
    const ch = await db.alertChannel.create({
      data: { name: "moved", type: "slack", config: { url: hook.url("/moved") } },
    });
    expect(await sendTestAlert(db, ch, FAST)).toBe("failed");
    expect(
      hook.received.map((r) => r.path).filter((p) => p === "/moved" || p === "/redirected"),
    ).toEqual(["/moved"]);
    expect((await db.alertDelivery.findFirst({ where: { channelId: ch.id } }))?.lastError).toBe(
      "HTTP 302 Found",
    );
  });

  it("connects to the address it checked, not to a second DNS answer (no rebinding window)", async () => {
    // A name that first answers the allowed receiver, then the metadata service.
    const answers = ["127.0.0.1", "169.254.169.254"];
    const queries: string[] = [];
    const resolve = (host: string) => {
      queries.push(host);
      return Promise.resolve([{ address: answers.shift() ?? "169.254.169.254", family: 4 }]);
    };
    const port = new URL(hook.url()).port;
    const outcome = await sendAlert(
      { type: "slack", config: { url: `http://rebind.attacker.example:${port}/rebind` } },
      { event: "test", runId: null, at: new Date().toISOString(), finding: null },
      { ...FAST, resolve },
    );
    expect(outcome).toEqual({ ok: true, attempts: 1, error: null });
    expect(queries).toEqual(["rebind.attacker.example"]);
    const [got] = hook.received.filter((r) => r.path === "/rebind");
    expect(got?.headers.host).toBe(`rebind.attacker.example:${port}`);
  });

  it("sends mail to the SMTP address it checked, not to a second DNS answer", async () => {
    const answers = ["127.0.0.1", "169.254.169.254"];
    const queries: string[] = [];
    const resolve = (host: string) => {
      queries.push(host);
      return Promise.resolve([{ address: answers.shift() ?? "169.254.169.254", family: 4 }]);
    };
    const before = smtp.messages.length;
    const config = {
      host: "smtp.rebind.example",
      port: smtp.port,
      allowPlaintext: true,
      from: "orglens@example.com",
      to: ["rebind@example.com"],
    };
    const outcome = await sendAlert(
      { type: "email", config },
      { event: "test", runId: null, at: new Date().toISOString(), finding: null },
      { ...FAST, resolve },
    );
    expect(outcome).toEqual({ ok: true, attempts: 1, error: null });
    expect(queries).toEqual(["smtp.rebind.example"]);
    expect(smtp.messages.slice(before).map((m) => m.to)).toEqual([["rebind@example.com"]]);
  });
});
