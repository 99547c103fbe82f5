// Charge types (RECORD_TYPE) and regions on a real organization: the AWS source against moto, Cost
// Explorer served by the counting ledger fake (small pages, so every query pages), the store against
// real Postgres, then the FOCUS export of what was stored.
import { parse } from "csv-parse/sync";
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { byteStream } from "@/lib/export/csv";
import { focusCsvPieces } from "@/lib/focus/export-focus";
import { monthRange } from "@/lib/domain/months";
import { useTestDatabase } from "@/testing/db";
import { startMoto, type MotoServer } from "@/testing/moto";
import { collectAws } from ".";
import { motoCollectOptions, motoConfig } from "@/testing/aws/moto-collect";
import { startCostExplorerProxy, type CostExplorerProxy } from "@/testing/aws/ce-proxy";
import { LedgerCostExplorer, type LedgerLine } from "@/testing/aws/ledger-cost-explorer";
import { buildOrg, type MotoOrg } from "@/testing/aws/moto-org";

const EC2 = "Amazon Elastic Compute Cloud - Compute";
const SP = "Savings Plans for AWS Compute usage";

let moto: MotoServer;
let proxy: CostExplorerProxy;
let org: MotoOrg;
const ce = new LedgerCostExplorer({
  pageSize: 4,
  today: "2025-06-15",
  estimatedFrom: "2025-06-01",
});

beforeAll(async () => {
  moto = await startMoto();
  proxy = await startCostExplorerProxy(moto.endpoint, (input) => ce.handle(input));
  org = await buildOrg(moto.endpoint);
});

afterAll(async () => {
  await proxy?.close();
  await moto?.stop();
});

/** prodApp: usage in two regions, a credit, a refund, tax, a Savings Plan fee, an RI fee; sandbox: usage only. */
function monthOfCharges(month: string): LedgerLine[] {
  const prod = org.accounts.prodApp;
  const line = (
    accountId: string,
    service: string,
    amount: string,
    recordType: string,
    region = "us-east-1",
  ): LedgerLine => ({ accountId, month, service, amount, recordType, region });
  return [
    line(prod, EC2, "1000.1234567891", "Usage"),
    line(prod, EC2, "250", "Usage", "eu-west-1"),
    line(prod, "Amazon Simple Storage Service", "80.5", "Usage", "eu-west-1"),
    line(prod, EC2, "-120.0000000001", "Credit"),
    line(prod, "Amazon Simple Storage Service", "-7.25", "Refund", "eu-west-1"),
    line(prod, "Tax", "98.76", "Tax", "global"),
    line(prod, SP, "300", "SavingsPlanRecurringFee", "global"),
    line(prod, EC2, "45.5", "RIFee"),
    line(org.accounts.sandbox, EC2, "50", "Usage"),
    line(org.accounts.sandbox, "Amazon Simple Storage Service", "-0.02", "Usage"),
  ];
}

const ZRecords = z.array(z.record(z.string(), z.string()));

describe("charge types and regions", () => {
  const store = useTestDatabase();
  const run = (now: string) =>
    collectAws(
      store.db,
      store.url,
      motoCollectOptions(proxy.endpoint, new Date(now), {
        config: motoConfig(proxy.endpoint, { historyMonths: 2 }),
        triggeredBy: "test",
      }),
    );
  const dimensionOf = async (dimension: string, month: string, accountId: string) =>
    Object.fromEntries(
      (
        await store.db.costByDimension.findMany({
          where: { dimension, month: new Date(month), accountId },
        })
      ).map((r) => [r.value, r.unblended.toFixed()]),
    );

  it("stores each charge type and region as its own fact, exactly, summing to the account's total", async () => {
    ce.ledger = monthRange("2025-04-01", "2025-06-01").flatMap((m) => monthOfCharges(m));
    const first = await run("2025-06-15T12:00:00Z");
    expect(first.status).toBe("succeeded");

    expect(await dimensionOf("RECORD_TYPE", "2025-05-01", org.accounts.prodApp)).toEqual({
      Usage: "1330.6234567891",
      Credit: "-120.0000000001",
      Refund: "-7.25",
      Tax: "98.76",
      SavingsPlanRecurringFee: "300",
      RIFee: "45.5",
    });
    expect(await dimensionOf("REGION", "2025-05-01", org.accounts.prodApp)).toEqual({
      "us-east-1": "925.623456789",
      "eu-west-1": "323.25",
      global: "398.76",
    });
    // Look-alike: a small negative amount of plain usage is usage, not a credit.
    expect(await dimensionOf("RECORD_TYPE", "2025-05-01", org.accounts.sandbox)).toEqual({
      Usage: "49.98",
    });
    const total = await store.db.costAccountMonth.findUniqueOrThrow({
      where: {
        accountId_month: { accountId: org.accounts.prodApp, month: new Date("2025-05-01") },
      },
    });
    const byType = await store.db.costByDimension.aggregate({
      where: {
        dimension: "RECORD_TYPE",
        month: new Date("2025-05-01"),
        accountId: org.accounts.prodApp,
      },
      _sum: { unblended: true },
    });
    expect(byType._sum.unblended?.toFixed()).toBe(total.unblended.toFixed());

    // Service detail of every type but Usage, from queries filtered to the types found.
    const filtered = ce.queries.flatMap((q) => q.Filter?.Dimensions?.Values ?? []);
    expect(new Set(filtered)).toEqual(
      new Set(["Credit", "Refund", "Tax", "SavingsPlanRecurringFee", "RIFee"]),
    );
    const charges = await store.db.costCharge.findMany({
      where: { month: new Date("2025-05-01") },
      orderBy: [{ recordType: "asc" }],
    });
    expect(charges.map((c) => [c.recordType, c.service, c.unblended.toFixed()])).toEqual([
      ["Credit", EC2, "-120.0000000001"],
      ["RIFee", EC2, "45.5"],
      ["Refund", "Amazon Simple Storage Service", "-7.25"],
      ["SavingsPlanRecurringFee", SP, "300"],
      ["Tax", "Tax", "98.76"],
    ]);
  });

  it("exports a month with credits, tax and commitment fees under the right FOCUS charge categories, to the same total", async () => {
    const text = await new Response(
      byteStream(
        focusCsvPieces(store.url, { from: "2025-05-01", to: "2025-05-01", accountIds: null }),
      ),
    ).text();
    const records = ZRecords.parse(parse(text, { columns: true }));
    const prod = records.filter((r) => r.SubAccountId === org.accounts.prodApp);
    const line = (service: string, category: string) =>
      prod.filter((r) => r.ServiceName === service && r.ChargeCategory === category);
    expect(line(EC2, "Usage").map((r) => r.BilledCost)).toEqual(["1250.1234567891"]);
    expect(line(EC2, "Credit")).toMatchObject([
      { BilledCost: "-120.0000000001", ChargeClass: "", CommitmentDiscountCategory: "" },
    ]);
    expect(line(EC2, "Purchase")).toMatchObject([
      { BilledCost: "45.5", CommitmentDiscountCategory: "Usage", ChargeFrequency: "Recurring" },
    ]);
    expect(line(SP, "Purchase")).toMatchObject([
      { BilledCost: "300", CommitmentDiscountCategory: "Spend" },
    ]);
    // The fee is all there is of the Savings Plans service: no empty Usage row beside it.
    expect(line(SP, "Usage")).toEqual([]);
    expect(line("Tax", "Tax")).toMatchObject([{ BilledCost: "98.76" }]);
    expect(line("Amazon Simple Storage Service", "Adjustment")).toMatchObject([
      { BilledCost: "-7.25", ChargeClass: "Correction" },
    ]);
    // Look-alike: the sandbox's negative usage stays Usage.
    const sandbox = records.filter((r) => r.SubAccountId === org.accounts.sandbox);
    expect(sandbox.map((r) => r.ChargeCategory)).toEqual(["Usage", "Usage"]);

    const exported = records.reduce((s, r) => s.plus(r.BilledCost ?? "0"), new Decimal(0));
    const stored = await store.db.costMonthly.aggregate({
      where: { month: new Date("2025-05-01") },
      _sum: { unblended: true },
    });
    expect(exported.toFixed()).toBe(stored._sum.unblended?.toFixed());
  });

  it("refreshes charge types and regions for the open month only once May is final", async () => {
    ce.queries.length = 0;
    const second = await run("2025-06-16T12:00:00Z");
    expect(second.status).toBe("succeeded");
    const dimensionQueries = ce.queries.filter(
      (q) => q.GroupBy?.[1]?.Key === "RECORD_TYPE" || q.GroupBy?.[1]?.Key === "REGION",
    );
    expect(dimensionQueries.map((q) => q.TimePeriod)).toEqual([
      { Start: "2025-06-01", End: "2025-06-17" },
      { Start: "2025-06-01", End: "2025-06-17" },
    ]);
    // May was not refetched and is still stored in full.
    expect(
      Object.keys(await dimensionOf("RECORD_TYPE", "2025-05-01", org.accounts.prodApp)),
    ).toHaveLength(6);
  });
});
