import "@/testing/placeholder-server-env";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/testing/db";
import { startWebhookReceiver, type WebhookReceiver } from "@/testing/alerts/receivers";
import { latestPeriod } from "@/lib/domain/reports/period";
import { REPORT_QUEUE_PREFIX, startReportScheduler } from "./start-report-scheduler";

describe("the report scheduler on pg-boss", () => {
  let hook: WebhookReceiver;
  beforeAll(async () => {
    hook = await startWebhookReceiver();
    process.env.ORGLENS_ALLOWED_PRIVATE_TARGETS = "127.0.0.1";
  });
  afterAll(async () => {
    await hook?.close();
  });
  const t = useTestDatabase();

  it("registers one cron schedule per enabled report, catches up the due period once, and drops removed ones", async () => {
    const channel = await t.db.alertChannel.create({
      data: { name: "slack", type: "slack", config: { url: hook.url("/digest") } },
    });
    const report = await t.db.reportSchedule.create({
      data: {
        name: "Org monthly",
        cadence: "monthly",
        channelId: channel.id,
        createdBy: "admin@example.com",
        createdAt: new Date("2020-01-01T00:00:00Z"),
      },
    });
    const lines: string[] = [];
    const first = await startReportScheduler(t.db, t.url, {
      log: (l) => lines.push(l),
      syncMs: 3_600_000,
    });
    const second = await startReportScheduler(t.db, t.url, {
      log: (l) => lines.push(l),
      syncMs: 3_600_000,
    });
    try {
      await Promise.all([first.sync(), second.sync()]);
      const boss = new PgBoss({
        connectionString: t.url,
        max: 1,
        schedule: false,
        supervise: false,
      });
      await boss.start();
      try {
        const schedules = (await boss.getSchedules()).filter((s) =>
          s.name.startsWith(REPORT_QUEUE_PREFIX),
        );
        expect(schedules.map((s) => [s.name, s.cron])).toEqual([
          [`${REPORT_QUEUE_PREFIX}${report.id}`, "0 0 1 * *"],
        ]);
        // Two schedulers started and synced three times each: the due month went out once.
        expect(hook.received.filter((r) => r.path === "/digest")).toHaveLength(1);
        const period = latestPeriod("monthly", null, new Date());
        expect(
          await t.db.reportSchedule.findUniqueOrThrow({ where: { id: report.id } }),
        ).toMatchObject({
          lastSentPeriod: period.key,
        });

        await t.db.reportSchedule.delete({ where: { id: report.id } });
        await first.sync();
        expect(
          (await boss.getSchedules()).filter((s) => s.name.startsWith(REPORT_QUEUE_PREFIX)),
        ).toEqual([]);
      } finally {
        await boss.stop({ graceful: false, wait: true });
      }
    } finally {
      await first.stop();
      await second.stop();
    }
    expect(lines.filter((l) => l.endsWith(": sent"))).toHaveLength(1);
  });
});
