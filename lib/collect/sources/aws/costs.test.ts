import {
  CostExplorerClient,
  CostExplorerServiceException,
  GetCostAndUsageCommand,
  type GetCostAndUsageCommandInput,
} from "@aws-sdk/client-cost-explorer";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { costTagKeys } from "@/lib/domain/checks/costs";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import { getCostAndUsageAll } from "./ce-pager";
import { planCostFetch } from "./cost-plan";
import { dailyWindow } from "./daily-plan";
import { readCosts } from "./costs";
import { CeRequestCapReachedError, RequestMeter } from "./meter";
import { FakeCostExplorer, servicesOf } from "@/testing/aws/fake-cost-explorer";

const ce = mockClient(CostExplorerClient);
afterEach(() => ce.reset());

const client = () =>
  new CostExplorerClient({
    region: "us-east-1",
    credentials: { accessKeyId: "a", secretAccessKey: "b" },
  });
const noSleep = { sleep: async () => {} };
const NOW = new Date("2025-06-15T08:00:00Z");
// The keys a default installation asks for: environment, cost-center, owner, project.
const TAG_KEYS = costTagKeys(DEFAULT_SETTINGS);
// Every key has stored history: later runs refetch it for the months they refetch only.
const STORED_KEYS = Object.fromEntries(TAG_KEYS.map((k) => [k, ["2025-04-01"]]));
// Charge types and regions stored too: refreshed for the run's months only.
const STORED_DIMS = { RECORD_TYPE: ["2025-04-01"], REGION: ["2025-04-01"] };
// Per month of the fake: 900 account × charge type groups (Usage 500, Tax 250, Credit 100, Savings Plan
// fee 50), 917 account × region groups, and, filtered per charge type, account × service groups:
// Tax 250 × 1, Credit 100 × 3, SavingsPlanRecurringFee 50 × 1.
const chargeTypeRequests = (months: number) =>
  Math.ceil((months * 900) / 1_000) +
  Math.ceil((months * 917) / 1_000) +
  Math.ceil((months * 300) / 1_000) +
  Math.ceil((months * 50) / 1_000) +
  Math.ceil((months * 250) / 1_000);

/** Daily requests billed by the fake (every page), per fake. */
const dailyBilled = new WeakMap<FakeCostExplorer, number>();

function serve(fake: FakeCostExplorer) {
  ce.on(GetCostAndUsageCommand).callsFake((input: GetCostAndUsageCommandInput) => {
    if (input.Granularity === "DAILY") dailyBilled.set(fake, (dailyBilled.get(fake) ?? 0) + 1);
    return fake.handle(input);
  });
}

// The default 90-day daily window, all stored: what a run after the first one finds.
const STORED_DAYS = dailyWindow(NOW, 90);

/** Daily requests billed: first pages and every page after. */
function dailyPages(fake: FakeCostExplorer): number {
  return dailyBilled.get(fake) ?? 0;
}

async function collect(
  fake: FakeCostExplorer,
  state: Parameters<typeof planCostFetch>[2],
  cap = 10_000,
  dailyByService = false,
  dailyWindowDays = 90,
) {
  serve(fake);
  const meter = new RequestMeter(cap, "0.01");
  const plan = planCostFetch(NOW, 14, state, TAG_KEYS, false, dailyWindowDays);
  const costs = await readCosts(client(), meter, plan, dailyByService, () => {}, noSleep);
  return { costs, meter, plan };
}

describe(
  "Cost Explorer requests for a 500-account organization, 14 months of history",
  { timeout: 60_000 },
  () => {
    const spec = {
      accounts: 500,
      pageSize: 1_000,
      today: "2025-06-15",
      estimatedFrom: "2025-05-01",
    };
    const groupsPerMonth = Array.from({ length: 500 }, (_, i) => servicesOf(i).length).reduce(
      (a, b) => a + b,
      0,
    );

    it("backfills 15 months with a bounded, predictable number of billed requests", async () => {
      const fake = new FakeCostExplorer(spec);
      const { costs, meter, plan } = await collect(fake, {
        backfilled: false,
        estimatedMonths: [],
        tagKeyMonths: {},
      });
      expect(plan.months).toHaveLength(15);
      expect(groupsPerMonth).toBe(12_446);
      // Monthly account × service: ceil(15 × 12,446 / 1,000) pages; 4 tag keys: ceil(15 × 833 / 1,000) each;
      // daily by account over the 90-day window (Mar 18 – Jun 15): ceil(90 × 500 / 1,000); charge types and
      // regions: 14 + 14 pages, then Credit 5, Savings Plan fee 1 and Tax 4.
      expect(fake.queries).toHaveLength(1 + 4 + 2 + 3 + 1);
      expect(chargeTypeRequests(15)).toBe(14 + 14 + 5 + 1 + 4);
      expect(meter.ceRequests).toBe(187 + 4 * 13 + 45 + 38);
      expect(meter.report().ceCostUsd).toBe("3.22");
      expect(costs.days).toHaveLength(90);
      expect(costs.daily).toHaveLength(90 * 500);
      expect(costs.byDimension.filter((r) => r.dimension === "RECORD_TYPE")).toHaveLength(15 * 900);
      expect(costs.byDimension.filter((r) => r.dimension === "REGION")).toHaveLength(15 * 917);
      expect(costs.charges).toHaveLength(15 * (250 + 300 + 50));
      // Only the types found are asked for in detail: never plain Usage, the biggest of all.
      const filtered = fake.queries.flatMap((q) => q.Filter?.Dimensions?.Values ?? []);
      expect(filtered.sort()).toEqual(["Credit", "SavingsPlanRecurringFee", "Tax"]);
      expect(costs.monthly).toHaveLength(15 * groupsPerMonth);
      expect(costs.byTag.filter((r) => r.tagKey === "owner")).toHaveLength(15 * 833);
    });

    it("refreshes only the estimated and current months afterwards", async () => {
      const fake = new FakeCostExplorer(spec);
      const { costs, meter } = await collect(fake, {
        backfilled: true,
        estimatedMonths: ["2025-05-01"],
        tagKeyMonths: STORED_KEYS,
        dimensionMonths: STORED_DIMS,
        dailyDays: STORED_DAYS,
      });
      expect(costs.months).toEqual(["2025-05-01", "2025-06-01"]);
      expect(fake.queries.map((q) => q.TimePeriod)).toContainEqual({
        Start: "2025-05-01",
        End: "2025-06-16",
      });
      expect(meter.ceRequests).toBe(25 + 4 * 2 + 23 + chargeTypeRequests(2));
      expect(chargeTypeRequests(2)).toBe(7);
      expect(costs.byDimension.every((r) => r.month >= "2025-05-01")).toBe(true);
      expect(costs.monthly.every((r) => r.month >= "2025-05-01")).toBe(true);
    });

    it("refetches only the current month once the previous one is final", async () => {
      const fake = new FakeCostExplorer(spec);
      const { costs, meter } = await collect(fake, {
        backfilled: true,
        estimatedMonths: [],
        tagKeyMonths: STORED_KEYS,
        dimensionMonths: STORED_DIMS,
        dailyDays: STORED_DAYS,
      });
      expect(costs.months).toEqual(["2025-06-01"]);
      expect(costs.days[0]).toBe("2025-06-01");
      expect(costs.dimensionMonths).toEqual({
        RECORD_TYPE: ["2025-06-01"],
        REGION: ["2025-06-01"],
      });
      expect(meter.ceRequests).toBe(13 + 4 * 1 + 8 + 5);
    });

    it("daily by service is opt-in because it multiplies the pages", async () => {
      const fake = new FakeCostExplorer(spec);
      const { meter } = await collect(
        fake,
        {
          backfilled: true,
          estimatedMonths: [],
          tagKeyMonths: STORED_KEYS,
          dimensionMonths: STORED_DIMS,
          dailyDays: STORED_DAYS,
        },
        10_000,
        true,
      );
      expect(meter.ceRequests).toBe(
        13 + 4 * 1 + Math.ceil((15 * groupsPerMonth) / 1_000) + chargeTypeRequests(1),
      );
    });

    it("backfills charge types and regions over the whole window the first time they are asked for", async () => {
      const fake = new FakeCostExplorer(spec);
      const { costs, meter } = await collect(fake, {
        backfilled: true,
        estimatedMonths: [],
        tagKeyMonths: STORED_KEYS,
        dailyDays: STORED_DAYS,
      });
      expect(costs.months).toEqual(["2025-06-01"]);
      expect(costs.dimensionMonths.RECORD_TYPE).toHaveLength(15);
      expect(meter.ceRequests).toBe(13 + 4 * 1 + 8 + chargeTypeRequests(15));
    });

    it("an incremental run asks for no final day again: only the current month's days, in one paged query", async () => {
      const fake = new FakeCostExplorer(spec);
      const { costs, meter } = await collect(fake, {
        backfilled: true,
        estimatedMonths: [],
        tagKeyMonths: STORED_KEYS,
        dimensionMonths: STORED_DIMS,
        dailyDays: STORED_DAYS,
      });
      const daily = fake.queries.filter((q) => q.Granularity === "DAILY");
      expect(daily.map((q) => q.TimePeriod)).toEqual([{ Start: "2025-06-01", End: "2025-06-16" }]);
      expect(costs.days).toEqual(STORED_DAYS.filter((d) => d >= "2025-06-01"));
      expect(costs.daily.every((r) => r.day >= "2025-06-01")).toBe(true);
      // ceil(15 × 500 / 1,000) daily pages, each token passed back.
      expect(dailyPages(fake)).toBe(8);
      expect(meter.ceRequests).toBe(13 + 4 * 1 + 8 + chargeTypeRequests(1));
    });

    it("a window widened from 30 to 90 days fetches the 60 days it adds and the open month, not the final days between", async () => {
      const fake = new FakeCostExplorer(spec);
      const { costs, meter } = await collect(fake, {
        backfilled: true,
        estimatedMonths: [],
        tagKeyMonths: STORED_KEYS,
        dimensionMonths: STORED_DIMS,
        dailyDays: dailyWindow(NOW, 30),
      });
      const daily = fake.queries.filter((q) => q.Granularity === "DAILY");
      expect(daily.map((q) => q.TimePeriod)).toEqual([
        { Start: "2025-03-18", End: "2025-05-17" },
        { Start: "2025-06-01", End: "2025-06-16" },
      ]);
      expect(costs.days).toHaveLength(60 + 15);
      expect(costs.days).not.toContain("2025-05-20");
      // ceil(60 × 500 / 1,000) + ceil(15 × 500 / 1,000)
      expect(dailyPages(fake)).toBe(30 + 8);
      expect(meter.ceRequests).toBe(13 + 4 * 1 + 30 + 8 + chargeTypeRequests(1));
    });

    it("a window narrowed from 90 to 30 days fetches only the open month", async () => {
      const fake = new FakeCostExplorer(spec);
      const { costs } = await collect(
        fake,
        {
          backfilled: true,
          estimatedMonths: [],
          tagKeyMonths: STORED_KEYS,
          dimensionMonths: STORED_DIMS,
          dailyDays: STORED_DAYS,
        },
        10_000,
        false,
        30,
      );
      expect(costs.days).toEqual(STORED_DAYS.filter((d) => d >= "2025-06-01"));
      expect(dailyPages(fake)).toBe(8);
    });

    it("stops cleanly at the request cap, before sending the request past it", async () => {
      const fake = new FakeCostExplorer(spec);
      await expect(
        collect(fake, { backfilled: false, estimatedMonths: [], tagKeyMonths: {} }, 50),
      ).rejects.toBeInstanceOf(CeRequestCapReachedError);
      expect(fake.requests).toBe(50);
    });
  },
);

describe("the NextPageToken loop", () => {
  it("passes each token back, page after page, and ends on the last page", async () => {
    const fake = new FakeCostExplorer({
      accounts: 10,
      pageSize: 40,
      today: "2025-06-15",
      estimatedFrom: "2025-06-01",
    });
    serve(fake);
    const meter = new RequestMeter(100, "0.01");
    const input = {
      TimePeriod: { Start: "2025-01-01", End: "2025-03-01" },
      Granularity: "MONTHLY" as const,
      Metrics: ["UnblendedCost"],
      GroupBy: [
        { Type: "DIMENSION" as const, Key: "LINKED_ACCOUNT" },
        { Type: "DIMENSION" as const, Key: "SERVICE" },
      ],
    };
    const results = await getCostAndUsageAll(client(), meter, input, noSleep);
    const groups = results.flatMap((r) => r.Groups ?? []);
    expect(groups).toHaveLength(2 * 145);
    expect(fake.requests).toBe(Math.ceil(290 / 40));
    expect(fake.tokensReceived[0]).toBeUndefined();
    expect(new Set(fake.tokensReceived.slice(1)).size).toBe(fake.requests - 1);
  });

  it("refuses a token it has already followed instead of re-billing pages forever", async () => {
    ce.on(GetCostAndUsageCommand).resolves({ ResultsByTime: [], NextPageToken: "same" });
    const meter = new RequestMeter(100, "0.01");
    await expect(
      getCostAndUsageAll(
        client(),
        meter,
        {
          TimePeriod: { Start: "2025-01-01", End: "2025-02-01" },
          Granularity: "MONTHLY",
          Metrics: ["UnblendedCost"],
        },
        noSleep,
      ),
    ).rejects.toThrow(/token twice/);
    expect(meter.ceRequests).toBe(2);
  });

  it("retries LimitExceededException with backoff, counting every attempt", async () => {
    const limit = new CostExplorerServiceException({
      name: "LimitExceededException",
      $fault: "client",
      $metadata: {},
      message: "Rate exceeded",
    });
    ce.on(GetCostAndUsageCommand)
      .rejectsOnce(limit)
      .rejectsOnce(limit)
      .resolves({ ResultsByTime: [] });
    const delays: number[] = [];
    const meter = new RequestMeter(100, "0.01");
    await getCostAndUsageAll(
      client(),
      meter,
      {
        TimePeriod: { Start: "2025-01-01", End: "2025-02-01" },
        Granularity: "MONTHLY",
        Metrics: ["UnblendedCost"],
      },
      { sleep: (ms) => Promise.resolve(void delays.push(ms)), baseDelayMs: 100 },
    );
    expect(meter.ceRequests).toBe(3);
    expect(delays).toHaveLength(2);
    expect(meter.report().ceCostUsd).toBe("0.03");
  });
});

describe("amounts", () => {
  it("sums a group split across pages exactly and never writes exponents", async () => {
    const page = (amount: string, token?: string) => ({
      ResultsByTime: [
        {
          TimePeriod: { Start: "2025-05-01", End: "2025-06-01" },
          Estimated: true,
          Total: {},
          Groups: [
            {
              Keys: ["111111111111", "Amazon S3"],
              Metrics: {
                UnblendedCost: { Amount: amount, Unit: "USD" },
                AmortizedCost: { Amount: "1.2E-9", Unit: "USD" },
                NetUnblendedCost: { Amount: "0.1", Unit: "USD" },
              },
            },
          ],
        },
      ],
      NextPageToken: token,
    });
    ce.on(GetCostAndUsageCommand)
      .resolvesOnce(page("0.1", "t1"))
      .resolvesOnce(page("0.2"))
      .resolves({ ResultsByTime: [] });
    const plan = {
      months: ["2025-05-01"],
      ranges: [{ start: "2025-05-01", end: "2025-06-01" }],
      tags: [],
      dimensions: [],
      daily: { start: "", end: "", days: [], ranges: [] },
    };
    const costs = await readCosts(
      client(),
      new RequestMeter(100, "0.01"),
      plan,
      false,
      () => {},
      noSleep,
    );
    expect(costs.monthly).toEqual([
      {
        accountId: "111111111111",
        month: "2025-05-01",
        service: "Amazon S3",
        unblended: "0.3",
        amortized: "0.0000000024",
        net: "0.2",
        estimated: true,
      },
    ]);
  });
});
