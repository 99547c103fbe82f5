import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/testing/db";
import { insertDaily } from "@/testing/fixtures/cost-daily";
import { detectCostAnomalies } from "./detect-cost-anomalies";

const START = "2026-07-01";

describe("cost anomaly detection over stored daily spend", () => {
  const t = useTestDatabase(async (db) => {
    await insertDaily(
      db,
      [
        // a one-day $80 spike on 9 Sep in EC2
        {
          accountId: "111111111111",
          service: "Amazon EC2",
          level: 100,
          edit: (v) => (v[70] = (v[70] ?? 0) + 80),
        },
        // look-alike: the same account's S3 with only its weekends and the fee on the 1st
        { accountId: "111111111111", service: "Amazon S3", level: 40 },
        // a new service in another account from 20 Sep
        {
          accountId: "222222222222",
          service: "Amazon Bedrock",
          level: 30,
          edit: (v) => v.fill(0, 0, 81),
        },
      ],
      START,
      90,
    );
  });

  it("stores each anomaly once with its expected spend, actual spend and impact", async () => {
    const summary = await detectCostAnomalies(t.db);
    expect(summary.series).toBe(3);
    const rows = await t.db.costAnomaly.findMany({ orderBy: { accountId: "asc" } });
    expect(
      rows.map((r) => [
        r.accountId,
        r.service,
        r.kind,
        r.firstDay.toISOString().slice(0, 10),
        r.status,
      ]),
    ).toEqual([
      ["111111111111", "Amazon EC2", "spike", "2026-09-09", "open"],
      ["222222222222", "Amazon Bedrock", "new_service", "2026-09-20", "open"],
    ]);
    const spike = rows[0];
    expect(Number(spike?.impact)).toBeGreaterThan(70);
    expect(Number(spike?.impact)).toBeLessThan(90);
    expect(Number(spike?.expected)).toBeGreaterThan(95);
    expect(Number(spike?.actual)).toBeCloseTo(Number(spike?.expected) + Number(spike?.impact), 1);
  });

  it("updates the same anomalies on the next run instead of adding them again, keeping a decision", async () => {
    const first = await t.db.costAnomaly.findFirstOrThrow({ where: { kind: "spike" } });
    await t.db.costAnomaly.update({
      where: { id: first.id },
      data: { status: "resolved", reason: "load test" },
    });
    const again = await detectCostAnomalies(t.db);
    expect(again.created).toEqual([]);
    expect(again.updated).toBe(2);
    expect(await t.db.costAnomaly.count()).toBe(2);
    const kept = await t.db.costAnomaly.findUniqueOrThrow({ where: { id: first.id } });
    expect([kept.status, kept.reason]).toEqual(["resolved", "load test"]);
  });

  it("does nothing when no daily spend is stored", async () => {
    await t.db.costAnomaly.deleteMany({});
    await t.db.costDaily.deleteMany({});
    expect(await detectCostAnomalies(t.db)).toEqual({
      series: 0,
      detected: 0,
      created: [],
      updated: 0,
    });
  });
});
