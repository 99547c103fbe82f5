import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { parseFocusDecimal, trimDecimal } from "./decimal-text";
import { mapCostRow } from "./map-cost-row";
import { FocusParseError, parseFocusDate, readFocusRows } from "./parse-focus";
import { serviceCategory } from "./service-category";

const HEADER =
  "BilledCost,EffectiveCost,ListCost,ContractedCost,BillingAccountId,BillingPeriodStart,ChargePeriodStart,ProviderName,SubAccountId,Tags";

async function rows(text: string) {
  const out = [];
  for await (const r of readFocusRows(Readable.from([text]))) out.push(r);
  return out;
}

describe("FOCUS parsing", () => {
  it("reads dates as UTC in the forms FOCUS files use", () => {
    expect(parseFocusDate("2024-09-18 23:00:00")?.toISOString()).toBe("2024-09-18T23:00:00.000Z");
    expect(parseFocusDate("2024-09-18T23:00:00Z")?.toISOString()).toBe("2024-09-18T23:00:00.000Z");
    expect(parseFocusDate("2024-09-18T23:00:00+02:00")?.toISOString()).toBe(
      "2024-09-18T21:00:00.000Z",
    );
    expect(parseFocusDate("2024-09-01")?.toISOString()).toBe("2024-09-01T00:00:00.000Z");
    expect(parseFocusDate("18/09/2024")).toBeNull();
  });

  it("keeps decimals exact and refuses what numeric(24,12) would round", () => {
    expect(parseFocusDecimal("0.00000080000")).toEqual({ value: "0.0000008" });
    expect(parseFocusDecimal("1E-7")).toEqual({ value: "0.0000001" });
    expect(JSON.stringify(parseFocusDecimal("0.0000000000001"))).toMatch(
      /"error":".*decimal places/,
    );
    expect(JSON.stringify(parseFocusDecimal("12,5"))).toMatch(/"error":".*not a number/);
    expect(trimDecimal("12.3400000000")).toBe("12.34");
    expect(trimDecimal("-0.000")).toBe("0");
    expect(trimDecimal("100")).toBe("100");
  });

  it("treats NULL as empty, keeps every raw cell and lets a null ContractedCost through", async () => {
    const [r] = await rows(
      `${HEADER},Id\n1.5,1,2,NULL,123,2024-09-01 00:00:00,2024-09-02 00:00:00,AWS,NULL,"{""a"": ""b""}",7\n`,
    );
    expect(r).toMatchObject({
      billedCost: "1.5",
      contractedCost: "0",
      subAccountId: null,
      raw: { ContractedCost: null, Id: "7", Tags: '{"a": "b"}' },
    });
  });

  it("reports every bad row with its line, and a file that is not FOCUS", async () => {
    await expect(
      rows(
        `${HEADER}\nx,1,2,3,123,2024-09-01,2024-09-01,AWS,1,NULL\n1,1,2,3,NULL,2024-09-01,nope,AWS,1,NULL\n`,
      ),
    ).rejects.toThrow(
      /line 2: BilledCost "x" is not a number[\s\S]*line 3: BillingAccountId is empty[\s\S]*line 3: ChargePeriodStart is not a date/,
    );
    await expect(rows("a,b\n1,2\n")).rejects.toBeInstanceOf(FocusParseError);
  });
});

describe("FOCUS export mapping", () => {
  it("maps a Cost Explorer month: unblended → BilledCost, amortized → EffectiveCost", () => {
    const r = mapCostRow(
      {
        accountId: "111111111111",
        accountName: "a",
        month: "2026-03-01",
        service: "Amazon Relational Database Service",
        unblended: "10.5000000000",
        amortized: "9.2500000000",
        net: "9.0000000000",
        source: "aws",
        recordType: null,
        tags: { "cost-center": "CC-1" },
      },
      { id: "999999999999", name: "mgmt" },
    );
    expect(r).toMatchObject({
      BilledCost: "10.5",
      EffectiveCost: "9.25",
      ListCost: "10.5",
      ContractedCost: "10.5",
      x_NetCost: "9",
      ChargeCategory: "Usage",
      ServiceCategory: "Databases",
      BillingPeriodStart: "2026-03-01T00:00:00Z",
      BillingPeriodEnd: "2026-04-01T00:00:00Z",
      Tags: '{"cost-center":"CC-1"}',
    });
    expect(
      mapCostRow(
        {
          ...{
            accountId: "1",
            accountName: null,
            month: "2026-03-01",
            unblended: "-1",
            amortized: "-1",
            net: "-1",
            source: "aws",
            recordType: null,
            tags: {},
          },
          service: "Tax",
        },
        { id: "", name: "" },
      ).ChargeCategory,
    ).toBe("Tax");
  });

  const row = (service: string, recordType: string | null, amount: string) =>
    mapCostRow(
      {
        accountId: "111111111111",
        accountName: "a",
        month: "2026-03-01",
        service,
        unblended: amount,
        amortized: amount,
        net: amount,
        source: "aws",
        recordType,
        tags: {},
      },
      { id: "999999999999", name: "mgmt" },
    );

  it("takes the charge category from the record type, not from the sign of the amount", () => {
    expect(row("Amazon Elastic Compute Cloud - Compute", "Credit", "-40")).toMatchObject({
      ChargeCategory: "Credit",
      ChargeFrequency: "One-Time",
      CommitmentDiscountCategory: null,
      ChargeDescription:
        "Amazon Elastic Compute Cloud - Compute, Credit, 2026-03 (monthly total from Cost Explorer)",
    });
    // Look-alike: a negative amount of usage (a corrected meter) stays Usage.
    expect(row("Amazon Simple Storage Service", "Usage", "-0.02").ChargeCategory).toBe("Usage");
    expect(row("Amazon Simple Storage Service", null, "-0.02").ChargeCategory).toBe("Usage");
    expect(row("Amazon Elastic Compute Cloud - Compute", "Refund", "-12")).toMatchObject({
      ChargeCategory: "Adjustment",
      ChargeClass: "Correction",
    });
  });

  it.each([
    ["SavingsPlanRecurringFee", "Purchase", "Recurring", "Spend"],
    ["SavingsPlanUpfrontFee", "Purchase", "One-Time", "Spend"],
    ["SavingsPlanCoveredUsage", "Usage", "Usage-Based", "Spend"],
    ["SavingsPlanNegation", "Usage", "Usage-Based", "Spend"],
    ["RIFee", "Purchase", "Recurring", "Usage"],
    ["DiscountedUsage", "Usage", "Usage-Based", "Usage"],
    ["Tax", "Tax", "Recurring", null],
    ["Support", "Purchase", "Recurring", null],
    ["Enterprise Discount Program Discount", "Credit", "Usage-Based", null],
    ["Savings Plan Recurring Fee", "Purchase", "Recurring", "Spend"],
  ])("%s is %s, %s, commitment %s", (recordType, category, frequency, commitment) =>
    expect(row("Amazon Elastic Compute Cloud - Compute", recordType, "5")).toMatchObject({
      ChargeCategory: category,
      ChargeFrequency: frequency,
      CommitmentDiscountCategory: commitment,
      ChargeClass: null,
    }),
  );

  it.each([
    ["Amazon Elastic Compute Cloud - Compute", "Compute"],
    ["EC2 - Other", "Compute"],
    ["AWS Support (Business)", "Management and Governance"],
    ["AWS Network Firewall", "Security"],
    ["Amazon Redshift", "Analytics"],
    ["Something new", "Other"],
  ])("%s is %s", (service, category) => expect(serviceCategory(service)).toBe(category));
});
