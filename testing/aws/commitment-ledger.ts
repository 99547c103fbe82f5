// A small organization's commitments for the fake: a Compute Savings Plan in the management account
// covering ~70% of two accounts' eligible spend, expiring soon; an EC2 Instance Savings Plan with a
// year left; a partly unused RI in prod.
import type { CommitmentLedger } from "./fake-commitments";

export function commitmentLedger(
  months: readonly string[],
  ids: { management: string; prod: string; other: string },
  planEnds: string,
): CommitmentLedger {
  return {
    spCoverage: months.flatMap((month) => [
      { accountId: ids.prod, month, covered: "700.25", onDemand: "299.75" },
      { accountId: ids.other, month, covered: "350", onDemand: "150.5" },
    ]),
    plans: [
      {
        arn: `arn:aws:savingsplans::${ids.management}:savingsplan/sp-compute-1`,
        accountId: ids.management,
        type: "Compute",
        region: "Any",
        start: "2022-08-01T00:00:00.000Z",
        end: planEnds,
        months: Object.fromEntries(months.map((m) => [m, { commitment: "730", used: "700.25" }])),
      },
      {
        arn: `arn:aws:savingsplans::${ids.prod}:savingsplan/sp-ec2-2`,
        accountId: ids.prod,
        type: "EC2Instance",
        region: "us-east-1",
        start: "2025-01-01T00:00:00.000Z",
        end: "2026-01-01T00:00:00.000Z",
        months: Object.fromEntries(months.map((m) => [m, { commitment: "365", used: "350" }])),
      },
    ],
    riCoverage: months.map((month) => ({
      accountId: ids.prod,
      month,
      reservedHours: "1440",
      totalHours: "2160",
      onDemandCost: "123.4567",
    })),
    reservations: [
      {
        subscriptionId: "4711",
        accountId: ids.prod,
        instanceType: "db.r6g.large",
        count: 3,
        region: "us-east-1",
        start: "2024-09-01T00:00:00.000Z",
        end: "2027-09-01T00:00:00.000Z",
        months: Object.fromEntries(months.map((m) => [m, { fee: "450", unusedCost: "150" }])),
      },
    ],
  };
}
