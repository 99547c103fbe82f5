// The demo organization's Savings Plans and Reserved Instances, derived from its own monthly spend so
// the figures agree with showback: a Compute Savings Plan bought by the management account covers
// 60-78% of each account's Savings Plans-eligible spend (EC2, Lambda, ECS), used at ~97%, and ends
// 45 days after `now`; a 3-year EC2 Instance Savings Plan runs for another 14 months; a 3 × db.r6g.large
// RDS reservation in the largest prod account runs only two of its three instances (a third unused).
import Decimal from "decimal.js";
import type { TCommitments, TCostMonthly } from "@/lib/domain/snapshot";
import type { AccountSpec } from "./spec";
import { SERVICES } from "./catalog";
import { DAY_MS } from "./time";

const SP_ELIGIBLE = new Set<string>([SERVICES.ec2, SERVICES.lambda, SERVICES.ecs]);
const RI_HOURLY_FEE = new Decimal("0.156");
const RI_ON_DEMAND_HOURLY = new Decimal("0.26");

/** A stable share in [0.60, 0.78) per account: coverage differs by account, not by run. */
function coverageShare(accountId: string): Decimal {
  let h = 0;
  for (const c of accountId) h = (h * 31 + c.charCodeAt(0)) % 1_000;
  return new Decimal(0.6).plus(new Decimal(h).div(1_000).mul(0.18));
}

function hoursOf(month: string, now: number): Decimal {
  const start = Date.parse(`${month}T00:00:00Z`);
  const d = new Date(start);
  const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return new Decimal(Math.max(0, Math.min(end, now) - start)).div(3_600_000).floor();
}

const iso = (t: number) => new Date(t).toISOString();
const money = (d: Decimal) => d.toDecimalPlaces(4).toFixed();

export function generateCommitments(
  specs: readonly AccountSpec[],
  monthly: readonly TCostMonthly[],
  months: readonly string[],
  now: number,
): TCommitments {
  const out: TCommitments = {
    months: [...months],
    coverage: [],
    usage: [],
    orgMonths: [],
    status: [
      { kind: "savings_plan", status: "ok", message: "" },
      { kind: "reserved_instance", status: "ok", message: "" },
    ],
  };
  const management = specs.find((s) => s.role === "management");
  const riOwner = specs
    .filter((s) => s.env === "prod" && s.role === "workload" && s.status === "ACTIVE")
    .toSorted((a, b) => b.size - a.size || a.id.localeCompare(b.id))[0];
  if (!management) return out;

  const eligible = new Map<string, Decimal>();
  for (const r of monthly)
    if (SP_ELIGIBLE.has(r.service)) {
      const key = `${r.accountId}|${r.month}`;
      eligible.set(key, (eligible.get(key) ?? new Decimal(0)).plus(r.unblended));
    }

  const computeArn = `arn:aws:savingsplans::${management.id}:savingsplan/demo-compute-3yr`;
  const ec2Arn = `arn:aws:savingsplans::${management.id}:savingsplan/demo-ec2-3yr`;
  for (const month of months) {
    let covered = new Decimal(0);
    for (const [key, total] of eligible) {
      const [accountId = "", m] = key.split("|");
      if (m !== month || total.lte(0)) continue;
      const c = total.mul(coverageShare(accountId)).toDecimalPlaces(4);
      covered = covered.plus(c);
      out.coverage.push({
        accountId,
        month,
        kind: "savings_plan",
        covered: money(c),
        total: money(total),
        unit: "usd",
        onDemandCost: money(total.minus(c)),
      });
    }
    if (covered.gt(0)) {
      // Covered spend is the commitment used; a little of each plan stays unused.
      const plans: [string, string, Decimal, Decimal, number, number][] = [
        [computeArn, "Compute (Any region)", covered.mul(0.75), new Decimal(0.97), 3 * 365, 45],
        [ec2Arn, "EC2Instance (eu-west-1)", covered.mul(0.25), new Decimal(0.99), 3 * 365, 425],
      ];
      let commitmentSum = new Decimal(0);
      let usedSum = new Decimal(0);
      for (const [arn, description, used, rate, termDays, leftDays] of plans) {
        const u = used.toDecimalPlaces(4);
        const commitment = u.div(rate).toDecimalPlaces(4);
        commitmentSum = commitmentSum.plus(commitment);
        usedSum = usedSum.plus(u);
        const end = now + leftDays * DAY_MS;
        out.usage.push({
          commitmentId: arn,
          month,
          kind: "savings_plan",
          accountId: management.id,
          description,
          commitment: money(commitment),
          used: money(u),
          unused: money(commitment.minus(u)),
          startsAt: iso(end - termDays * DAY_MS),
          endsAt: iso(end),
        });
      }
      out.orgMonths.push({
        month,
        kind: "savings_plan",
        commitment: money(commitmentSum),
        used: money(usedSum),
        unused: money(commitmentSum.minus(usedSum)),
      });
    }

    if (riOwner) {
      const hours = hoursOf(month, now);
      if (hours.gt(0)) {
        // Four instances run; the reservation covers two of them, and its third instance idles.
        const fee = RI_HOURLY_FEE.mul(3).mul(hours);
        out.coverage.push({
          accountId: riOwner.id,
          month,
          kind: "reserved_instance",
          covered: hours.mul(2).toFixed(),
          total: hours.mul(4).toFixed(),
          unit: "hours",
          onDemandCost: money(RI_ON_DEMAND_HOURLY.mul(2).mul(hours)),
        });
        out.usage.push({
          commitmentId: "demo-ri-rds-0001",
          month,
          kind: "reserved_instance",
          accountId: riOwner.id,
          description: "3 × db.r6g.large · eu-west-1",
          commitment: money(fee),
          used: money(fee.mul(2).div(3)),
          unused: money(fee.minus(fee.mul(2).div(3).toDecimalPlaces(4))),
          startsAt: iso(now - 600 * DAY_MS),
          endsAt: iso(now + 495 * DAY_MS),
        });
      }
    }
  }
  return out;
}
