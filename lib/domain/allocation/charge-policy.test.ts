import { describe, expect, it } from "vitest";
import { DEFAULT_POLICIES, splitChargeGroups } from "./charge-policy";
import { computeChargeback } from "./compute-chargeback";
import { formatCents, toCentsHalfUp } from "./largest-remainder";
import type { ChargebackInput, ChargebackResult } from "./types";

const A = "111111111111";
const B = "222222222222";
const PAYER = "999999999999";

const base: ChargebackInput = {
  costs: [],
  accounts: [
    { id: A, tagCostCenter: "CC-A", ouId: "ou-prod" },
    { id: B, tagCostCenter: null, ouId: "ou-prod" },
    { id: PAYER, tagCostCenter: "CC-FIN", ouId: "ou-prod" },
  ],
  ous: [{ id: "ou-prod", parentId: null, defaultCostCenter: "CC-PROD" }],
  tagShares: [],
  rules: [],
  order: ["accountTag", "ouDefault", "tagSplit"],
};

const lineOf = (r: ChargebackResult, costCenter: string, accountId: string) => {
  const l = r.lines.find((x) => x.costCenter === costCenter && x.accountId === accountId);
  if (!l) throw new Error(`no line ${costCenter}/${accountId}`);
  return {
    direct: formatCents(l.directCents),
    usage: formatCents(l.components.usage),
    credits: formatCents(l.components.credits),
    tax: formatCents(l.components.tax),
    support: formatCents(l.components.support),
  };
};
const reconciles = (r: ChargebackResult) =>
  r.lines.reduce((s, l) => s + l.directCents + l.sharedCents, 0n) === r.totalCents &&
  r.lines.every((l) => Object.values(l.components).reduce((s, c) => s + c, 0n) === l.directCents);

describe("chargeback policy per charge type", () => {
  it("credits and refunds follow usage: they stay on the account's line as their own component", () => {
    const r = computeChargeback({
      ...base,
      costs: [{ accountId: A, service: "EC2", amount: "70.00" }],
      charges: [
        { accountId: A, service: "EC2", recordType: "Credit", amount: "-25.00" },
        { accountId: A, service: "EC2", recordType: "Refund", amount: "-5.00" },
      ],
    });
    expect(lineOf(r, "CC-A", A)).toEqual({
      direct: "70.00",
      usage: "100.00",
      credits: "-30.00",
      tax: "0.00",
      support: "0.00",
    });
    expect(reconciles(r)).toBe(true);
  });

  it("tax is its own component charged whole to the account's cost center, never split by resource tags", () => {
    const r = computeChargeback({
      ...base,
      order: ["tagSplit", "ouDefault"],
      costs: [{ accountId: B, service: "EC2", amount: "110.00" }],
      charges: [{ accountId: B, service: "EC2", recordType: "Tax", amount: "10.00" }],
      tagShares: [
        { accountId: B, value: "team-x", amount: "60" },
        { accountId: B, value: "team-y", amount: "40" },
      ],
    });
    expect(lineOf(r, "team-x", B)).toMatchObject({ usage: "60.00", tax: "0.00" });
    expect(lineOf(r, "team-y", B)).toMatchObject({ usage: "40.00", tax: "0.00" });
    expect(lineOf(r, "CC-PROD", B)).toMatchObject({ direct: "10.00", usage: "0.00", tax: "10.00" });
    expect(reconciles(r)).toBe(true);
  });

  it("splits support over every line by usage, and the shares add up to the support total exactly", () => {
    const r = computeChargeback({
      ...base,
      costs: [
        { accountId: A, service: "EC2", amount: "1.00" },
        { accountId: B, service: "EC2", amount: "2.00" },
        { accountId: PAYER, service: "AWS Support (Business)", amount: "100.00" },
      ],
      charges: [
        {
          accountId: PAYER,
          service: "AWS Support (Business)",
          recordType: "Support",
          amount: "100.00",
        },
      ],
    });
    const a = lineOf(r, "CC-A", A);
    const b = lineOf(r, "CC-PROD", B);
    expect([a.support, b.support]).toEqual(["33.33", "66.67"]);
    expect(toCentsHalfUp(a.support) + toCentsHalfUp(b.support)).toBe(10000n);
    expect(r.lines.some((l) => l.accountId === PAYER)).toBe(false);
    expect(r.chargePools).toEqual([{ group: "support", cents: 10000n }]);
    expect(reconciles(r)).toBe(true);
  });

  it("a negative Usage amount that is not a credit stays usage (the sign never makes a credit)", () => {
    const r = computeChargeback({
      ...base,
      costs: [
        { accountId: A, service: "EC2", amount: "-12.50" },
        { accountId: B, service: "EC2", amount: "-3.00" },
      ],
      charges: [
        // Savings Plan negation is negative but is usage (covered usage offset), not a credit.
        { accountId: B, service: "EC2", recordType: "SavingsPlanNegation", amount: "-3.00" },
      ],
    });
    expect(lineOf(r, "CC-A", A)).toMatchObject({ usage: "-12.50", credits: "0.00" });
    expect(lineOf(r, "CC-PROD", B)).toMatchObject({ usage: "-3.00", credits: "0.00" });
  });

  it("support with no usage anywhere to follow lands in unallocated, so the month still reconciles", () => {
    const r = computeChargeback({
      ...base,
      costs: [{ accountId: PAYER, service: "Support", amount: "29.00" }],
      charges: [{ accountId: PAYER, service: "Support", recordType: "Support", amount: "29.00" }],
    });
    expect(lineOf(r, "unallocated", "")).toMatchObject({ support: "29.00" });
    expect(reconciles(r)).toBe(true);
  });

  it("another policy moves the money: credits split by usage leave the account they came from", () => {
    const input: ChargebackInput = {
      ...base,
      costs: [
        { accountId: A, service: "EC2", amount: "0.00" },
        { accountId: B, service: "EC2", amount: "30.00" },
      ],
      charges: [{ accountId: A, service: "EC2", recordType: "Credit", amount: "-30.00" }],
    };
    const followed = computeChargeback(input);
    expect(lineOf(followed, "CC-A", A)).toMatchObject({ usage: "30.00", credits: "-30.00" });
    const split = computeChargeback({
      ...input,
      policies: { ...DEFAULT_POLICIES, credits: "split-by-usage" },
    });
    expect(lineOf(split, "CC-A", A)).toMatchObject({ credits: "-15.00", direct: "15.00" });
    expect(lineOf(split, "CC-PROD", B)).toMatchObject({ credits: "-15.00", direct: "15.00" });
    expect(reconciles(split)).toBe(true);
  });

  it("keeps the organization's exact total to the cent with fractional charges of every type", () => {
    const r = computeChargeback({
      ...base,
      costs: [
        { accountId: A, service: "EC2", amount: "10.0049" },
        { accountId: B, service: "S3", amount: "7.3351" },
        { accountId: PAYER, service: "Support", amount: "3.3333" },
      ],
      charges: [
        { accountId: A, service: "EC2", recordType: "Credit", amount: "-1.0033" },
        { accountId: A, service: "EC2", recordType: "Tax", amount: "0.8017" },
        { accountId: B, service: "S3", recordType: "RIFee", amount: "2.0001" },
        { accountId: PAYER, service: "Support", recordType: "Support", amount: "3.3333" },
      ],
    });
    expect(r.totalCents).toBe(toCentsHalfUp("20.6733"));
    expect(reconciles(r)).toBe(true);
  });

  it("splitChargeGroups: usage is the total minus every typed charge", () => {
    const parts = splitChargeGroups(
      [{ accountId: A, service: "EC2", amount: "50" }],
      [
        { accountId: A, service: "EC2", recordType: "Tax", amount: "5" },
        {
          accountId: A,
          service: "EC2",
          recordType: "Enterprise Discount Program Discount",
          amount: "-2",
        },
      ],
    );
    expect(parts.map((p) => [p.group, p.amount]).sort()).toEqual([
      ["credits", "-2"],
      ["tax", "5"],
      ["usage", "47"],
    ]);
  });
});
