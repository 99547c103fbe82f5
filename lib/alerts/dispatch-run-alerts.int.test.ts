import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { runCollection, type RunResult } from "@/lib/collect/run";
import { evaluateRun } from "@/lib/collect/evaluate";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { ACC, OU, auditOf, baselineSnapshot, iamUser } from "@/lib/domain/checks/test-fixtures";
import { IAM_LOCAL_USERS } from "@/lib/domain/checks/iam-local-users";
import type { TSnapshot } from "@/lib/domain/snapshot";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { ZAlertEvent } from "./alert-event";
import { dispatchRunAlerts, sendTestAlert } from "./dispatch-run-alerts";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from "./sign";
import { startSmtpReceiver, startWebhookReceiver, type SmtpReceiver, type WebhookReceiver } from "./testing/receivers";

const SECRET = "s3cret-signing-key";
const day = (n: number) => `2026-03-${String(15 + n).padStart(2, "0")}T06:00:00.000Z`;
const FAST = { baseDelayMs: 5 };

function snapshotAt(at: string, users: [string, string][]): TSnapshot {
  const s = baselineSnapshot();
  s.collectedAt = at;
  for (const [account, name] of users) auditOf(s, account).iamUsers.push(iamUser(account, name, { passwordEnabled: true }));
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
  });
  afterAll(async () => {
    await hook?.close();
    await smtp?.close();
    await db?.$disconnect();
    await tdb?.drop();
  });

  const collect = (snap: TSnapshot): Promise<RunResult> =>
    runCollection(db, tdb.url, { source: "demo", produce: () => Promise.resolve(snap), evaluate: evaluateRun, afterCommit: async (_r, runId) => void (await dispatchRunAlerts(db, runId, FAST)) });

  it("signs webhook payloads, sends each new finding once across runs, and ignores other OUs", async () => {
    const ch = await db.alertChannel.create({ data: { name: "siem", type: "webhook", config: { url: hook.url("/hook"), secret: SECRET } } });
    await db.alertRule.create({ data: { channelId: ch.id, name: "local users in SDLC", checkIds: [IAM_LOCAL_USERS], categories: [], severities: [], ouIds: [OU.sdlc] } });

    const r1 = await collect(snapshotAt(day(0), [[ACC.dev, "alice"], [ACC.prod, "pat"]]));
    const r2 = await collect(snapshotAt(day(1), [[ACC.dev, "alice"], [ACC.prod, "pat"]]));
    const r3 = await collect(snapshotAt(day(2), [[ACC.dev, "alice"], [ACC.dev, "bob"], [ACC.prod, "pat"]]));

    const hits = hook.received.filter((r) => r.path === "/hook");
    expect(hits).toHaveLength(2);
    for (const h of hits) {
      const ts = String(h.headers[TIMESTAMP_HEADER.toLowerCase()]);
      const sig = String(h.headers[SIGNATURE_HEADER.toLowerCase()]);
      expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
      expect(verifySignature(SECRET, ts, h.body, sig)).toBe(true);
    }
    const events = hits.map((h) => ZAlertEvent.parse(JSON.parse(h.body)));
    expect(events.map((e) => [e.event, e.runId, e.finding?.checkId, e.finding?.accountId])).toEqual([
      ["finding.opened", r1.runId, IAM_LOCAL_USERS, ACC.dev],
      ["finding.opened", r3.runId, IAM_LOCAL_USERS, ACC.dev],
    ]);
    expect(events[1]?.finding?.resource).toContain("bob");
    const rows = await db.alertDelivery.findMany({ where: { channelId: ch.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.status, r.attempts, r.runId])).toEqual([
      ["sent", 1, r1.runId],
      ["sent", 1, r3.runId],
    ]);
    // Dispatching a run again (e.g. a retried hook) does not send twice.
    expect(await dispatchRunAlerts(db, r3.runId, FAST)).toMatchObject({ sent: 0, skippedDuplicates: 1 });
    expect(r2.status).toBe("succeeded");
    await db.alertChannel.delete({ where: { id: ch.id } });
  });

  it("retries a 500 twice and logs three attempts; a 400 is not retried", async () => {
    hook.script("/flaky", [500, 500]);
    hook.script("/bad", [400, 400, 400]);
    const flaky = await db.alertChannel.create({ data: { name: "flaky", type: "slack", config: { url: hook.url("/flaky") } } });
    const bad = await db.alertChannel.create({ data: { name: "bad", type: "teams", config: { url: hook.url("/bad") } } });
    for (const ch of [flaky, bad]) await db.alertRule.create({ data: { channelId: ch.id, name: "all high", checkIds: [], categories: [], severities: ["high"], ouIds: [] } });

    await collect(snapshotAt(day(3), [[ACC.prod, "carol"]]));

    const [f] = await db.alertDelivery.findMany({ where: { channelId: flaky.id } });
    expect(f).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    expect(hook.received.filter((r) => r.path === "/flaky")).toHaveLength(3);
    const slack = z.object({ text: z.string() }).parse(JSON.parse(hook.received.filter((r) => r.path === "/flaky")[2]?.body ?? "{}"));
    expect(slack.text).toContain("New high finding");

    const [b] = await db.alertDelivery.findMany({ where: { channelId: bad.id } });
    expect(b).toMatchObject({ status: "failed", attempts: 1 });
    expect(b?.lastError).toContain("HTTP 400");
    expect(JSON.parse(hook.received.find((r) => r.path === "/bad")?.body ?? "{}")).toMatchObject({ "@type": "MessageCard" });
  });

  it("emails through SMTP and logs the test delivery", async () => {
    const config = { host: "127.0.0.1", port: smtp.port, secure: false, from: "orglens@example.com", to: ["secops@example.com"] };
    const ch = await db.alertChannel.create({ data: { name: "mail", type: "email", config } });
    expect(await sendTestAlert(db, ch, FAST)).toBe("sent");
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]).toMatchObject({ from: "orglens@example.com", to: ["secops@example.com"] });
    expect(smtp.messages[0]?.data).toContain("Subject: [OrgLens] OrgLens test alert");
    const rows = await db.alertDelivery.findMany({ where: { channelId: ch.id } });
    expect(rows).toMatchObject([{ status: "sent", attempts: 1, runId: null }]);
  });
});
