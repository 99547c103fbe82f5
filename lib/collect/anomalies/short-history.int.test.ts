// Detection over less daily history than the window: days before the first stored day are missing,
// not zero spend, so services with steady spend are not all reported as new.
import { describe, expect, it } from "vitest";
import { loadDemo } from "@/lib/collect/load-demo";
import { useTestDatabase } from "@/testing/db";
import { insertDaily } from "@/testing/fixtures/cost-daily";
import { detectCostAnomalies } from "./detect-cost-anomalies";

const START = "2026-08-10";
const DAYS = 45;
// Weekday/weekend rhythm and ±2 % noise, without the fixture's fee on the 1st: the window holds a
// single 1st (1 Sep, day 22), and a fee seen once cannot be told from a spike (docs/anomalies.md).
const withoutFee = (level: number) => (v: number[]) => (v[22] = (v[22] ?? 0) - level);
const steady = [
  { accountId: "111111111111", service: "Amazon EC2", level: 100 },
  { accountId: "111111111111", service: "Amazon S3", level: 40 },
  { accountId: "222222222222", service: "Amazon RDS", level: 60 },
  { accountId: "222222222222", service: "AWS Lambda", level: 12 },
].map((p) => ({ ...p, edit: withoutFee(p.level) }));

describe("cost anomaly detection with ~45 days of stored daily spend", () => {
  const t = useTestDatabase();

  it("reports nothing for steady spend (the look-alike: no quiet period before the first stored day)", async () => {
    await insertDaily(t.db, steady, START, DAYS);
    const summary = await detectCostAnomalies(t.db);
    expect(summary.series).toBe(steady.length);
    expect(summary.detected).toBe(0);
    expect(await t.db.costAnomaly.count()).toBe(0);
  });

  it("reports exactly one new service for a service that first appears on day 30", async () => {
    // No rows at all for the 29 days before: the service was not in use.
    const day30 = "2026-09-08";
    await insertDaily(
      t.db,
      [{ accountId: "222222222222", service: "Amazon Bedrock", level: 30 }],
      day30,
      DAYS - 29,
    );
    const summary = await detectCostAnomalies(t.db);
    expect(summary.series).toBe(steady.length + 1);
    const rows = await t.db.costAnomaly.findMany();
    expect(
      rows.map((r) => [r.accountId, r.service, r.kind, r.firstDay.toISOString().slice(0, 10)]),
    ).toEqual([["222222222222", "Amazon Bedrock", "new_service", day30]]);
  });

  it("analyses no further back than the daily-history setting", async () => {
    await t.db.costAnomaly.deleteMany({});
    await t.db.setting.upsert({
      where: { key: "dailyCostHistoryDays" },
      create: { key: "dailyCostHistoryDays", value: 10 },
      update: { value: 10 },
    });
    // Over the last 10 days Bedrock has spend on every day: nothing quiet, nothing new.
    const summary = await detectCostAnomalies(t.db);
    expect(summary.series).toBe(steady.length + 1);
    expect(await t.db.costAnomaly.count()).toBe(0);
  });
});

describe("cost anomalies on the demo (daily spend of the previous and current month only)", () => {
  const t = useTestDatabase();

  it("opens a few anomalies, of every kind the demo plants", async () => {
    const result = await loadDemo(t.db, t.url, { now: new Date("2026-03-18T09:00:00.000Z") });
    expect(result.status).not.toBe("failed");
    const open = await t.db.costAnomaly.findMany({
      where: { status: "open" },
      select: { kind: true },
    });
    const byKind = Object.fromEntries(
      ["spike", "level_shift", "drift", "new_service"].map((k) => [
        k,
        open.filter((a) => a.kind === k).length,
      ]),
    );
    console.log(`demo open anomalies: ${open.length}`, byKind);
    // Measured 84 (the e2e demo showed 1,430 while missing days counted as zero spend): the rest are
    // the demo's own data — its spend steps up on the 1st of the month (level shifts) and an
    // account joining mid-month starts all its services at once (new services).
    expect(open.length).toBeLessThan(100);
    expect(byKind.spike).toBeGreaterThan(0);
    expect(byKind.level_shift).toBeGreaterThan(0);
    expect(byKind.drift).toBeGreaterThan(0);
  });
});
