// Cost rows stream into the run's staging page by page: the AWS source against moto, Cost Explorer
// served by the counting fake (small pages) through a proxy that can fail one request, the staging and
// the store against real Postgres.
import {
  CostExplorerClient,
  type GetCostAndUsageCommandInput,
} from "@aws-sdk/client-cost-explorer";
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/testing/db";
import { startMoto, type MotoServer } from "@/testing/moto";
import { motoCollectOptions, motoConfig } from "@/testing/aws/moto-collect";
import { FakeCostExplorer } from "@/testing/aws/fake-cost-explorer";
import { startForwardingProxy, type ForwardingProxy } from "@/testing/aws/forwarding-proxy";
import { BASE_CREDENTIALS, buildOrg } from "@/testing/aws/moto-org";
import { costTagKeys } from "@/lib/domain/checks/costs";
import { loadSettings } from "@/lib/db/settings";
import { planCostFetch } from "./cost-plan";
import { readCosts } from "./costs";
import { RequestMeter } from "./meter";
import { readCostState } from "./cost-state";
import { collectAws } from ".";

const TARGET = "AWSInsightsIndexService.GetCostAndUsage";
const NOW = new Date("2025-06-15T08:00:00Z");

let moto: MotoServer;
let proxy: ForwardingProxy;
const fake = new FakeCostExplorer({
  accounts: 12,
  pageSize: 40,
  today: "2025-06-15",
  estimatedFrom: "2025-06-01",
});
/** What the proxy does to the next requests: fail the n-th (1-based) after waiting for `before`; scale amounts. */
const mode: {
  failAt: number | null;
  before?: () => Promise<void>;
  scale: string;
  seen: number;
} = { failAt: null, scale: "1", seen: 0 };

function scaled(out: ReturnType<FakeCostExplorer["handle"]>, factor: string) {
  for (const r of out.ResultsByTime ?? [])
    for (const g of r.Groups ?? [])
      for (const m of Object.values(g.Metrics ?? {}))
        if (m.Amount) m.Amount = new Decimal(m.Amount).times(factor).toFixed();
  return out;
}

beforeAll(async () => {
  moto = await startMoto();
  proxy = await startForwardingProxy(moto.endpoint, (req, body, res) => {
    if (String(req.headers["x-amz-target"] ?? "") !== TARGET) return false;
    const input = JSON.parse(body.toString("utf8")) as GetCostAndUsageCommandInput;
    mode.seen += 1;
    const reply = (status: number, payload: unknown) =>
      res
        .writeHead(status, { "content-type": "application/x-amz-json-1.1" })
        .end(JSON.stringify(payload));
    if (mode.seen === mode.failAt) {
      void (mode.before ?? (() => Promise.resolve()))().then(() =>
        reply(400, { __type: "DataUnavailableException", Message: "data unavailable (test)" }),
      );
      return true;
    }
    const { $metadata: _metadata, ...output } = scaled(fake.handle(input), mode.scale);
    reply(200, output);
    return true;
  });
  await buildOrg(moto.endpoint);
});

afterAll(async () => {
  await proxy?.close();
  await moto?.stop();
});

describe("cost staging", () => {
  const store = useTestDatabase();
  const run = (forceBackfill = false) =>
    collectAws(
      store.db,
      store.url,
      motoCollectOptions(proxy.endpoint, NOW, {
        config: motoConfig(proxy.endpoint, { historyMonths: 3, forceBackfill }),
        triggeredBy: "test",
      }),
    );
  const stored = async () => ({
    monthly: await store.db.costMonthly.findMany({
      orderBy: [{ accountId: "asc" }, { month: "asc" }, { service: "asc" }],
    }),
    byTag: await store.db.costByTag.findMany({
      orderBy: [{ accountId: "asc" }, { month: "asc" }, { tagKey: "asc" }, { tagValue: "asc" }],
    }),
    byDimension: await store.db.costByDimension.findMany({
      orderBy: [{ accountId: "asc" }, { month: "asc" }, { dimension: "asc" }, { value: "asc" }],
    }),
    charges: await store.db.costCharge.findMany({
      orderBy: [{ accountId: "asc" }, { month: "asc" }, { service: "asc" }, { recordType: "asc" }],
    }),
    daily: await store.db.costDaily.findMany({
      orderBy: [{ accountId: "asc" }, { day: "asc" }, { service: "asc" }],
    }),
  });

  it("stores exactly the rows the in-memory read sums, page by page (same figures as before staging)", async () => {
    const settings = await loadSettings(store.db);
    const state = await readCostState(store.db);
    mode.scale = "1.0000000003";
    const result = await run();
    expect(result.status).not.toBe("failed");

    // The old path: the same plan read into memory and summed with decimal.js, stored as is.
    const plan = planCostFetch(
      NOW,
      3,
      state,
      costTagKeys(settings),
      false,
      settings.dailyCostHistoryDays,
    );
    const client = new CostExplorerClient({
      region: "us-east-1",
      endpoint: proxy.endpoint,
      credentials: BASE_CREDENTIALS,
    });
    const memory = await readCosts(client, new RequestMeter(10_000, "0.01"), plan, false, () => {});
    client.destroy();
    const fixed = (v: string) => new Decimal(v).toFixed(10);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const now = await stored();

    expect(memory.monthly.length).toBeGreaterThan(fake.spec.pageSize);
    expect(
      now.monthly
        .map(
          (r) =>
            `${r.accountId}|${day(r.month)}|${r.service}|${r.unblended.toFixed(10)}|${r.amortized.toFixed(10)}|${r.net.toFixed(10)}|${r.estimated}`,
        )
        .sort(),
    ).toEqual(
      memory.monthly
        .map(
          (r) =>
            `${r.accountId}|${r.month}|${r.service}|${fixed(r.unblended)}|${fixed(r.amortized)}|${fixed(r.net)}|${r.estimated}`,
        )
        .sort(),
    );
    const tagRows = (rows: typeof memory.byTag) =>
      rows
        .map(
          (r) =>
            `${r.accountId}|${r.month}|${r.tagKey}|${r.tagValue}|${fixed(r.net)}|${r.estimated}`,
        )
        .sort();
    expect(
      now.byTag
        .map(
          (r) =>
            `${r.accountId}|${day(r.month)}|${r.tagKey}|${r.tagValue}|${r.net.toFixed(10)}|${r.estimated}`,
        )
        .sort(),
    ).toEqual(tagRows(memory.byTag));
    expect(now.byTag.length).toBeGreaterThan(0);
    expect(
      now.byDimension
        .map(
          (r) =>
            `${r.accountId}|${day(r.month)}|${r.dimension}|${r.value}|${r.unblended.toFixed(10)}`,
        )
        .sort(),
    ).toEqual(
      memory.byDimension
        .map((r) => `${r.accountId}|${r.month}|${r.dimension}|${r.value}|${fixed(r.unblended)}`)
        .sort(),
    );
    expect(
      now.charges
        .map(
          (r) =>
            `${r.accountId}|${day(r.month)}|${r.service}|${r.recordType}|${r.amortized.toFixed(10)}`,
        )
        .sort(),
    ).toEqual(
      memory.charges
        .map((r) => `${r.accountId}|${r.month}|${r.service}|${r.recordType}|${fixed(r.amortized)}`)
        .sort(),
    );
    expect(
      now.daily.map((r) => `${r.accountId}|${day(r.day)}|${r.service}|${r.net.toFixed(10)}`).sort(),
    ).toEqual(
      memory.daily.map((r) => `${r.accountId}|${r.day}|${r.service}|${fixed(r.net)}`).sort(),
    );
    expect(await store.db.costStaging.count()).toBe(0);
  });

  it("a run whose Cost Explorer page fails midway changes no cost row, and its staged pages are removed", async () => {
    const before = await stored();
    expect(before.monthly.length).toBeGreaterThan(0);
    let stagedWhenFailing = 0;
    mode.seen = 0;
    // A backfill at double the amounts: the 9th request fails, after the first pages were staged.
    mode.scale = "2";
    mode.failAt = 9;
    mode.before = async () => void (stagedWhenFailing = await store.db.costStaging.count());
    const result = await run(true);
    mode.failAt = null;

    expect(stagedWhenFailing).toBeGreaterThan(0);
    expect(result.status).toBe("partial");
    expect(result.error).toMatch(/Cost Explorer not read, costs not updated/);
    expect(await stored()).toEqual(before);
    expect(await store.db.costStaging.count()).toBe(0);
  });

  it("the next good run stores its figures (the failed run's pages did not linger)", async () => {
    mode.seen = 0;
    mode.scale = "2";
    const result = await run(true);
    expect(result.status).not.toBe("failed");
    const after = await stored();
    const total = after.monthly.reduce((s, r) => s.plus(r.unblended.toString()), new Decimal(0));
    // Every fake amount is ±1.25: doubled, each row is ±2.5, and no row counts twice.
    expect(after.monthly.every((r) => r.unblended.abs().toFixed() === "2.5")).toBe(true);
    expect(total.toFixed()).toBe(new Decimal("2.5").times(after.monthly.length).toFixed());
    expect(await store.db.costStaging.count()).toBe(0);
  });
});
