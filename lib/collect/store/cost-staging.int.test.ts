// The staging path of cost rows against real Postgres: a snapshot that holds its rows (the demo) is
// stored exactly as it was before staging existed, a run that fails after staging changes nothing,
// and a crashed process's staged rows are cleared by the next run, never stored.
import { randomUUID } from "node:crypto";
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { evaluateRun } from "@/lib/collect/evaluate";
import { runCollection } from "@/lib/collect/run";
import { generateDemoSnapshot, MIN_ACCOUNTS } from "@/lib/collect/sources/demo";
import { parseSnapshot } from "@/lib/domain/snapshot";
import { useTestDatabase } from "@/testing/db";
import { CostStager } from "./cost-staging";

const snapshot = parseSnapshot(
  generateDemoSnapshot({ accounts: MIN_ACCOUNTS, now: new Date("2025-06-15T08:00:00Z") }),
);
const fixed = (v: string) => new Decimal(v).toFixed(10);
const day = (d: Date) => d.toISOString().slice(0, 10);

describe("cost staging", () => {
  const t = useTestDatabase();
  const stored = async () => ({
    monthly: (await t.db.costMonthly.findMany())
      .map(
        (r) =>
          `${r.accountId}|${day(r.month)}|${r.service}|${r.unblended.toFixed(10)}|${r.amortized.toFixed(10)}|${r.net.toFixed(10)}|${r.estimated}|${r.source}`,
      )
      .sort(),
    daily: (await t.db.costDaily.findMany())
      .map(
        (r) =>
          `${r.accountId}|${day(r.day)}|${r.service}|${r.unblended.toFixed(10)}|${r.amortized.toFixed(10)}|${r.net.toFixed(10)}`,
      )
      .sort(),
    byTag: (await t.db.costByTag.findMany())
      .map(
        (r) =>
          `${r.accountId}|${day(r.month)}|${r.tagKey}|${r.tagValue}|${r.unblended.toFixed(10)}|${r.net.toFixed(10)}|${r.estimated}`,
      )
      .sort(),
    byDimension: (await t.db.costByDimension.findMany())
      .map(
        (r) =>
          `${r.accountId}|${day(r.month)}|${r.dimension}|${r.value}|${r.amortized.toFixed(10)}|${r.estimated}`,
      )
      .sort(),
    charges: (await t.db.costCharge.findMany())
      .map(
        (r) =>
          `${r.accountId}|${day(r.month)}|${r.service}|${r.recordType}|${r.net.toFixed(10)}|${r.estimated}`,
      )
      .sort(),
  });

  it("stores a snapshot's own rows exactly as the snapshot holds them (the demo, through the adapter)", async () => {
    const result = await runCollection(t.db, t.url, {
      source: "demo",
      produce: () => Promise.resolve(snapshot),
      evaluate: evaluateRun,
    });
    // The demo has accounts whose audit failed: a partial run, its costs stored.
    expect(result.status).toBe("partial");
    const c = snapshot.costs;
    expect(c.monthly.length).toBeGreaterThan(1_000);
    expect(await stored()).toEqual({
      monthly: c.monthly
        .map(
          (r) =>
            `${r.accountId}|${r.month}|${r.service}|${fixed(r.unblended)}|${fixed(r.amortized)}|${fixed(r.net)}|${r.estimated}|demo`,
        )
        .sort(),
      daily: c.daily
        .map(
          (r) =>
            `${r.accountId}|${r.day}|${r.service}|${fixed(r.unblended)}|${fixed(r.amortized)}|${fixed(r.net)}`,
        )
        .sort(),
      byTag: c.byTag
        .map(
          (r) =>
            `${r.accountId}|${r.month}|${r.tagKey}|${r.tagValue}|${fixed(r.unblended)}|${fixed(r.net)}|${r.estimated}`,
        )
        .sort(),
      byDimension: c.byDimension
        .map(
          (r) =>
            `${r.accountId}|${r.month}|${r.dimension}|${r.value}|${fixed(r.amortized)}|${r.estimated}`,
        )
        .sort(),
      charges: c.charges
        .map(
          (r) =>
            `${r.accountId}|${r.month}|${r.service}|${r.recordType}|${fixed(r.net)}|${r.estimated}`,
        )
        .sort(),
    });
    // Findings were judged from the stored month (the run kept no cost row in memory).
    expect(await t.db.finding.count()).toBeGreaterThan(0);
    expect(await t.db.costStaging.count()).toBe(0);
  });

  it("a run that fails after staging pages changes no cost row and leaves nothing staged", async () => {
    const before = await stored();
    const account = snapshot.accounts[0]?.id ?? "";
    let staged = 0;
    const result = await runCollection(t.db, t.url, {
      source: "demo",
      produce: async ({ costs }) => {
        await costs.stage("monthly", [
          {
            accountId: account,
            period: snapshot.costs.months[0] ?? "",
            key: "",
            value: "Amazon Elastic Compute Cloud - Compute",
            estimated: false,
            unblended: "999999",
            amortized: "999999",
            net: "999999",
          },
        ]);
        staged = await t.db.costStaging.count();
        throw new Error("the source broke half-way");
      },
      evaluate: evaluateRun,
    });
    expect(staged).toBe(1);
    expect(result.status).toBe("failed");
    expect(await stored()).toEqual(before);
    expect(await t.db.costStaging.count()).toBe(0);
  });

  it("rows a crashed process left staged are removed by the next run, never stored", async () => {
    const crashed = new CostStager(t.url, randomUUID());
    await crashed.stage("daily", [
      {
        accountId: snapshot.accounts[0]?.id ?? "",
        period: "2025-06-01",
        key: "",
        value: "left over",
        estimated: false,
        unblended: "1",
        amortized: "1",
        net: "1",
      },
    ]);
    await crashed.close();
    expect(await t.db.costStaging.count()).toBe(1);

    const result = await runCollection(t.db, t.url, {
      source: "demo",
      produce: () => Promise.resolve(snapshot),
      evaluate: evaluateRun,
    });
    // The demo has accounts whose audit failed: a partial run, its costs stored.
    expect(result.status).toBe("partial");
    expect(await t.db.costStaging.count()).toBe(0);
    expect(await t.db.costDaily.count({ where: { service: "left over" } })).toBe(0);
  });
});
