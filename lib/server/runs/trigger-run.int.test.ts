// "Run collection now" from the dashboard: the run commits, then the same follow-up as the CLI —
// alerts for the findings it opened, account requests moved along.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startWebhookReceiver, type WebhookReceiver } from "@/testing/alerts/receivers";
import { ZAlertEvent } from "@/lib/alerts/alert-event";
import type { Principal } from "@/lib/domain/access";
import { generateDemoSnapshot, MIN_ACCOUNTS } from "@/lib/collect/sources/demo";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "@/testing/db";

const ADMIN: Principal = {
  kind: "user",
  email: "ada@example.com",
  name: "Ada",
  role: "admin",
  scope: { ouIds: null },
};

describe("a run started from the dashboard", () => {
  const t = useTestDatabase();
  let hook: WebhookReceiver;

  beforeAll(async () => {
    hook = await startWebhookReceiver();
    // lib/db (used by the audit trail) reads the environment when first imported.
    process.env.DATABASE_URL = t.url;
    process.env.NEXTAUTH_SECRET ??= "x".repeat(32);
    process.env.ORGLENS_DEMO_SIGNIN = "1";
    process.env.ORGLENS_DEPLOYMENT = "demo";
    // The webhook receiver listens on loopback, which deliveries refuse unless allow-listed.
    process.env.ORGLENS_ALLOWED_PRIVATE_TARGETS = "127.0.0.1";
  });
  afterAll(async () => {
    delete process.env.ORGLENS_DEPLOYMENT;
    await hook?.close();
  });

  it("sends alerts for the findings it opened and provisions an approved request whose account appeared", async () => {
    const { db, url } = t;
    const { triggerRun } = await import("./trigger-run");
    const channel = await db.alertChannel.create({
      data: {
        name: "siem",
        type: "webhook",
        config: { url: hook.url("/hook"), secret: "s3cret-signing-key" },
      },
    });
    await db.alertRule.create({
      data: {
        channelId: channel.id,
        name: "high",
        checkIds: [],
        categories: [],
        severities: ["high"],
        ouIds: [],
      },
    });
    const wanted = generateDemoSnapshot({ accounts: MIN_ACCOUNTS }).accounts.find(
      (a) => !a.name.toLowerCase().includes("management"),
    );
    if (!wanted) throw new Error("the demo has no member account");
    const rootOu = "r-placeholder";
    const request = await db.accountRequest.create({
      data: {
        name: wanted.name,
        purpose: "benchmark",
        environment: "dev",
        targetOuId: rootOu,
        owner: "ada@example.com",
        costCenter: "CC-1",
        requestedBy: "ada@example.com",
        status: "approved",
        decidedBy: "root@example.com",
        decidedAt: new Date(),
        requestedAt: new Date(Date.now() - 60_000),
      },
    });

    const { run, proceed } = await triggerRun(db, url, ADMIN);
    expect(run).toMatchObject({ source: "demo", status: "running" });
    await proceed();

    const stored = await db.collectionRun.findUniqueOrThrow({ where: { id: run.id } });
    // The demo plants an account whose audit fails: a partial run, which still alerts.
    expect(["succeeded", "partial"]).toContain(stored.status);
    const opened = await db.findingEvent.count({
      where: { runId: run.id, kind: "opened", finding: { severity: "high" } },
    });
    expect(opened).toBeGreaterThan(0);
    const events = hook.received
      .filter((r) => r.path === "/hook")
      .map((r) => ZAlertEvent.parse(JSON.parse(r.body)));
    expect(events).toHaveLength(opened);
    expect(
      events.every(
        (e) => e.runId === run.id && e.event === "finding.opened" && e.finding?.severity === "high",
      ),
    ).toBe(true);
    expect(await db.alertDelivery.count({ where: { channelId: channel.id, status: "sent" } })).toBe(
      opened,
    );

    const after = await db.accountRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(after.status === "provisioned" || after.status === "compliant").toBe(true);
    expect(after.accountId).toBe(wanted.id);
    expect(await db.auditEvent.count({ where: { action: "runs.trigger", target: run.id } })).toBe(
      1,
    );
  });
});

/** Everything that would make the web process look configured for AWS. */
const AWS_HINTS = [
  "AWS_ACCESS_KEY_ID",
  "AWS_PROFILE",
  "AWS_ROLE_ARN",
  "AWS_WEB_IDENTITY_TOKEN_FILE",
  "AWS_CONTAINER_CREDENTIALS_FULL_URI",
  "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
  "ORGLENS_AWS_ROLE_NAME",
  "ORGLENS_AWS_REGIONS",
];

async function refusalOf(attempt: Promise<unknown>): Promise<AppError> {
  const outcome = await attempt.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(outcome instanceof AppError))
    throw new Error(`expected an AppError, got ${String(outcome)}`);
  return outcome;
}

describe("a run started from the dashboard of a real deployment", () => {
  const t = useTestDatabase();
  const saved = new Map<string, string | undefined>();

  beforeAll(() => {
    process.env.DATABASE_URL ??= t.url;
    process.env.NEXTAUTH_SECRET ??= "x".repeat(32);
    process.env.ORGLENS_DEMO_SIGNIN ??= "1";
    for (const k of [...AWS_HINTS, "ORGLENS_DEPLOYMENT"]) {
      saved.set(k, process.env[k]);
      delete process.env[k];
    }
  });
  afterEach(() => {
    delete process.env.ORGLENS_DEPLOYMENT;
  });
  afterAll(() => {
    for (const [k, v] of saved) if (v !== undefined) process.env[k] = v;
  });

  it("without AWS settings answers 409 saying what to configure, and loads no demo data nor sends alerts", async () => {
    const { db, url } = t;
    const { triggerRun } = await import("./trigger-run");
    const hook = await startWebhookReceiver();
    try {
      const channel = await db.alertChannel.create({
        data: { name: "siem", type: "webhook", config: { url: hook.url("/hook") } },
      });
      await db.alertRule.create({
        data: {
          channelId: channel.id,
          name: "all",
          checkIds: [],
          categories: [],
          severities: [],
          ouIds: [],
        },
      });
      for (const deployment of [undefined, "production"]) {
        if (deployment) process.env.ORGLENS_DEPLOYMENT = deployment;
        const refused = await refusalOf(triggerRun(db, url, ADMIN));
        expect(refused.status).toBe(409);
        expect(refused.message).toMatch(/AWS collection is not configured.*ORGLENS_AWS_ROLE_NAME/);
      }
      expect(await db.collectionRun.count()).toBe(0);
      expect(await db.account.count()).toBe(0);
      expect(await db.costMonthly.count()).toBe(0);
      expect(hook.received).toHaveLength(0);
    } finally {
      await hook.close();
    }
  });

  it("refuses to refresh demo data outside a demo deployment, even with AWS settings", async () => {
    const { db, url } = t;
    const { triggerRun } = await import("./trigger-run");
    await db.collectionRun.create({ data: { source: "demo", status: "succeeded" } });
    process.env.AWS_PROFILE = "prod";
    try {
      const refused = await refusalOf(triggerRun(db, url, ADMIN));
      expect(refused.status).toBe(409);
      expect(refused.message).toMatch(/holds the demo organization.*db:reset-data/);
    } finally {
      delete process.env.AWS_PROFILE;
    }
    expect(await db.collectionRun.count()).toBe(1);
  });
});
