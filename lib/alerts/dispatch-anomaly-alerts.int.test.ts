import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { afterRun } from "@/lib/collect/after-run";
import { useTestDatabase } from "@/testing/db";
import { insertDaily } from "@/testing/fixtures/cost-daily";
import { startWebhookReceiver, type WebhookReceiver } from "@/testing/alerts/receivers";
import { ZAlertEvent } from "./alert-event";
import { dispatchAnomalyAlerts, matchesAnomalyRule } from "./dispatch-anomaly-alerts";

const at = new Date("2025-01-01T00:00:00Z");
const ou = (id: string, pathIds: string[]) => ({
  id,
  name: id,
  path: `Root/${id}`,
  pathIds,
  depth: pathIds.length - 1,
  firstSeenAt: at,
  lastSeenAt: at,
  ...(pathIds.length > 1 ? { parentId: pathIds.at(-2) } : {}),
});
const account = (id: string, ouId: string) => ({
  id,
  name: `acct-${id.slice(-2)}`,
  email: `${id}@x.example`,
  status: "ACTIVE",
  joinedMethod: "CREATED",
  joinedAt: at,
  ouId,
  firstSeenAt: at,
  lastSeenAt: at,
});
const BIG = "111111111111";
const SMALL = "222222222222";
const OTHER_OU = "333333333333";

describe("anomaly alerts through the existing channels", () => {
  let hook: WebhookReceiver;
  beforeAll(async () => {
    hook = await startWebhookReceiver();
    // The receiver listens on loopback, which deliveries refuse unless the operator allows it.
    process.env.ORGLENS_ALLOWED_PRIVATE_TARGETS = "127.0.0.1";
  });
  afterAll(async () => {
    await hook?.close();
  });
  const t = useTestDatabase(async (db) => {
    await db.orgUnit.createMany({
      data: [
        ou("r-root", ["r-root"]),
        ou("prod", ["r-root", "prod"]),
        ou("lab", ["r-root", "lab"]),
      ],
    });
    await db.account.createMany({
      data: [account(BIG, "prod"), account(SMALL, "prod"), account(OTHER_OU, "lab")],
    });
    const spike = (extra: number) => (v: number[]) => (v[70] = (v[70] ?? 0) + extra);
    await insertDaily(
      db,
      [
        // +$300 on a $100 day: over both thresholds
        { accountId: BIG, service: "Amazon EC2", level: 100, edit: spike(300) },
        // look-alike: +$40 on a $100 day: an anomaly, below the rule's $100
        { accountId: SMALL, service: "Amazon EC2", level: 100, edit: spike(40) },
        // look-alike: +$600 on a $2,000 day: over $100 but only 30 %, under the rule's 50 %
        { accountId: SMALL, service: "Amazon RDS", level: 2000, edit: spike(600) },
        // look-alike: big, but in an OU the rule does not cover
        { accountId: OTHER_OU, service: "Amazon EC2", level: 100, edit: spike(300) },
      ],
      "2026-07-01",
      90,
    );
  });

  it("matches on minimum impact in USD and %, and OU subtrees", () => {
    const rule = { ouIds: ["prod"], anomalyMinImpactUsd: 100, anomalyMinPercent: 50 };
    expect(
      matchesAnomalyRule(rule, { impact: 300, impactPercent: 300, ouPathIds: ["r-root", "prod"] }),
    ).toBe(true);
    expect(
      matchesAnomalyRule(rule, { impact: 120, impactPercent: null, ouPathIds: ["prod"] }),
    ).toBe(true);
    expect(matchesAnomalyRule(rule, { impact: 99, impactPercent: 300, ouPathIds: ["prod"] })).toBe(
      false,
    );
    expect(matchesAnomalyRule(rule, { impact: 600, impactPercent: 30, ouPathIds: ["prod"] })).toBe(
      false,
    );
    expect(matchesAnomalyRule(rule, { impact: 600, impactPercent: 300, ouPathIds: ["lab"] })).toBe(
      false,
    );
  });

  it("sends each new anomaly over the thresholds once, across runs", async () => {
    const db = t.db;
    const ch = await db.alertChannel.create({
      data: {
        name: "finops",
        type: "webhook",
        config: { url: hook.url("/finops"), secret: "finops-signing-key" },
      },
    });
    // A findings rule on the same channel must not fire for anomalies.
    await db.alertRule.create({
      data: {
        channelId: ch.id,
        name: "everything",
        checkIds: [],
        categories: [],
        severities: [],
        ouIds: [],
      },
    });
    await db.alertRule.create({
      data: {
        channelId: ch.id,
        name: "big jumps in prod",
        checkIds: [],
        categories: [],
        severities: [],
        ouIds: ["prod"],
        target: "anomalies",
        anomalyMinImpactUsd: 100,
        anomalyMinPercent: 50,
      },
    });
    const run1 = randomUUID();
    const first = await afterRun(db, run1, () => undefined);
    expect(first.anomalies?.created).toHaveLength(4);
    const second = await afterRun(db, randomUUID(), () => undefined);
    expect(second.anomalies?.created).toEqual([]);
    // Even offered again, the same anomaly is not sent twice to the channel.
    const again = await dispatchAnomalyAlerts(db, first.anomalies?.created ?? [], null);
    expect(again).toMatchObject({ matched: 1, sent: 0, skippedDuplicates: 1 });

    const hits = hook.received.filter((r) => r.path === "/finops");
    expect(hits).toHaveLength(1);
    const event = ZAlertEvent.parse(JSON.parse(hits[0]?.body ?? "{}"));
    expect(event).toMatchObject({
      event: "anomaly.opened",
      runId: run1,
      anomaly: { accountId: BIG, service: "Amazon EC2", kind: "spike", firstDay: "2026-09-09" },
    });
    expect(event.anomaly?.impact).toBeGreaterThan(280);
    const deliveries = await db.alertDelivery.findMany({ where: { channelId: ch.id } });
    expect(deliveries.map((d) => [d.status, d.dedupeKey.startsWith("anomaly:")])).toEqual([
      ["sent", true],
    ]);
  });
});
