// A counting Cost Explorer for Savings Plans and Reserved Instances over a hand-written ledger, served
// through the Cost Explorer proxy (ce-proxy.ts) to the collector's real SDK client. Requests are
// validated the way the API reference describes them (TimePeriod dates, allowed GroupBy keys, no
// Granularity with GetReservationUtilization's GroupBy, SpendCoveredBySavingsPlans as the only SP
// coverage metric, a page token only from this operation), answers have the API's shapes, paged
// operations cut `pageSize` items a page behind an opaque token in the operation's own token field.
// A kind can be denied (AccessDeniedException), as for a caller without ce:GetSavingsPlans*.
import Decimal from "decimal.js";
import { addMonths } from "@/lib/domain/months";
import type { CeOtherAnswer } from "./ce-proxy";

export interface SpCoverageLine {
  accountId: string;
  month: string;
  covered: string;
  onDemand: string;
}

export interface SavingsPlanLine {
  arn: string;
  accountId: string;
  type: string;
  region: string;
  start: string;
  end: string;
  /** Per month: the commitment billed and the part of it used. */
  months: Record<string, { commitment: string; used: string }>;
}

export interface RiCoverageLine {
  accountId: string;
  month: string;
  reservedHours: string;
  totalHours: string;
  onDemandCost: string;
}

export interface ReservationLine {
  subscriptionId: string;
  accountId: string;
  instanceType: string;
  count: number;
  region: string;
  start: string;
  end: string;
  months: Record<string, { fee: string; unusedCost: string }>;
}

export interface CommitmentLedger {
  spCoverage: SpCoverageLine[];
  plans: SavingsPlanLine[];
  riCoverage: RiCoverageLine[];
  reservations: ReservationLine[];
}

const OPS = {
  GetSavingsPlansCoverage: "savings_plan",
  GetSavingsPlansUtilization: "savings_plan",
  GetSavingsPlansUtilizationDetails: "savings_plan",
  GetReservationCoverage: "reserved_instance",
  GetReservationUtilization: "reserved_instance",
} as const;
type Op = keyof typeof OPS;
const isOp = (op: string): op is Op => Object.hasOwn(OPS, op);

class CeError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Input {
  TimePeriod?: { Start?: unknown; End?: unknown };
  Granularity?: unknown;
  GroupBy?: { Type?: unknown; Key?: unknown }[];
  Metrics?: unknown;
  NextToken?: unknown;
  NextPageToken?: unknown;
}

function record(v: unknown): Input {
  if (typeof v !== "object" || v === null) throw new CeError("ValidationException", "no body");
  return v;
}

/** Months [start, end) covers, each "YYYY-MM-01" (a period is at month grain in this fake). */
function monthsOf(input: Input): string[] {
  const start = input.TimePeriod?.Start;
  const end = input.TimePeriod?.End;
  if (typeof start !== "string" || typeof end !== "string" || !DATE.test(start) || !DATE.test(end))
    throw new CeError("ValidationException", "TimePeriod Start and End must be YYYY-MM-DD dates");
  if (start >= end) throw new CeError("ValidationException", "Start date must be before end date");
  const out: string[] = [];
  for (let m = `${start.slice(0, 7)}-01`; m < end; m = addMonths(m, 1)) out.push(m);
  return out;
}

function groupKeys(input: Input, allowed: readonly string[]): string[] {
  const keys = (input.GroupBy ?? []).map((g) => {
    if (g.Type !== "DIMENSION" || typeof g.Key !== "string" || !allowed.includes(g.Key))
      throw new CeError(
        "ValidationException",
        `GroupBy supports only ${allowed.join(", ")} dimensions here`,
      );
    return g.Key;
  });
  return keys;
}

const sum = (...v: string[]) => v.reduce((a, b) => a.plus(b), new Decimal(0));
const pctOf = (part: Decimal, whole: Decimal) =>
  whole.gt(0) ? part.div(whole).mul(100).toFixed(2) : "0";

export class FakeCommitmentExplorer {
  ledger: CommitmentLedger = { spCoverage: [], plans: [], riCoverage: [], reservations: [] };
  readonly deny = new Set<"savings_plan" | "reserved_instance">();
  /** Requests per operation, every page counted. */
  readonly requests: Record<string, number> = {};
  /** Tokens received per operation (undefined for a first page). */
  readonly tokens: Record<string, (string | undefined)[]> = {};
  /** First-page inputs per operation. */
  readonly queries: Record<string, Input[]> = {};

  constructor(readonly pageSize: number) {}

  get totalRequests(): number {
    return Object.values(this.requests).reduce((a, b) => a + b, 0);
  }

  reset(): void {
    for (const o of [this.requests, this.tokens, this.queries])
      for (const k of Object.keys(o)) Reflect.deleteProperty(o, k);
  }

  /** The proxy's hook: null for operations this fake does not serve. */
  handle = (operation: string, body: unknown): CeOtherAnswer => {
    if (!isOp(operation)) return null;
    this.requests[operation] = (this.requests[operation] ?? 0) + 1;
    try {
      const input = record(body);
      const token = operation.startsWith("GetReservation") ? input.NextPageToken : input.NextToken;
      (this.tokens[operation] ??= []).push(typeof token === "string" ? token : undefined);
      if (token === undefined) (this.queries[operation] ??= []).push(input);
      if (this.deny.has(OPS[operation]))
        throw new CeError(
          "AccessDeniedException",
          `User is not authorized to perform: ce:${operation}`,
        );
      return { status: 200, body: this.answer(operation, input) };
    } catch (err) {
      if (!(err instanceof CeError)) throw err;
      return { status: err.status, body: { __type: err.type, Message: err.message } };
    }
  };

  private page<T>(op: Op, input: Input, items: T[]): { items: T[]; next: string | undefined } {
    const token = op.startsWith("GetReservation") ? input.NextPageToken : input.NextToken;
    let offset = 0;
    if (token !== undefined) {
      const [tokenOp, at] =
        typeof token === "string"
          ? Buffer.from(token, "base64url").toString("utf8").split(":")
          : [];
      if (tokenOp !== op || !at || !/^\d+$/.test(at))
        throw new CeError("ValidationException", "Invalid pagination token");
      offset = Number(at);
    }
    const next =
      offset + this.pageSize < items.length
        ? Buffer.from(`${op}:${offset + this.pageSize}`).toString("base64url")
        : undefined;
    return { items: items.slice(offset, offset + this.pageSize), next };
  }

  private answer(op: Op, input: Input): Record<string, unknown> {
    const months = monthsOf(input);
    const period = (m: string) => ({ Start: m, End: addMonths(m, 1) });
    const granularity = input.Granularity;
    const monthly = () => {
      if (granularity !== undefined && granularity !== "MONTHLY" && granularity !== "DAILY")
        throw new CeError(
          "ValidationException",
          `Unsupported granularity ${JSON.stringify(granularity)}`,
        );
      if (granularity === "DAILY")
        throw new CeError("ValidationException", "this fake serves MONTHLY granularity only");
    };
    switch (op) {
      case "GetSavingsPlansCoverage": {
        monthly();
        const keys = groupKeys(input, ["INSTANCE_FAMILY", "REGION", "SERVICE", "LINKED_ACCOUNT"]);
        const metrics = input.Metrics;
        if (
          metrics !== undefined &&
          (!Array.isArray(metrics) || metrics.some((m) => m !== "SpendCoveredBySavingsPlans"))
        )
          throw new CeError("ValidationException", "Metrics supports SpendCoveredBySavingsPlans");
        if (!keys.includes("LINKED_ACCOUNT"))
          throw new CeError("ValidationException", "this fake groups by LINKED_ACCOUNT only");
        const items = this.ledger.spCoverage
          .filter((l) => months.includes(l.month))
          .sort((a, b) => a.month.localeCompare(b.month) || a.accountId.localeCompare(b.accountId))
          .map((l) => {
            const total = sum(l.covered, l.onDemand);
            return {
              Attributes: { LINKED_ACCOUNT: l.accountId },
              Coverage: {
                SpendCoveredBySavingsPlans: l.covered,
                OnDemandCost: l.onDemand,
                TotalCost: total.toFixed(),
                CoveragePercentage: pctOf(new Decimal(l.covered), total),
              },
              TimePeriod: period(l.month),
            };
          });
        const { items: page, next } = this.page(op, input, items);
        return { SavingsPlansCoverages: page, ...(next ? { NextToken: next } : {}) };
      }
      case "GetSavingsPlansUtilization": {
        monthly();
        if (input.GroupBy) throw new CeError("ValidationException", "GroupBy is not supported");
        let tc = new Decimal(0);
        let tu = new Decimal(0);
        const byTime = months.map((m) => {
          const c = sum(...this.ledger.plans.map((p) => p.months[m]?.commitment ?? "0"));
          const u = sum(...this.ledger.plans.map((p) => p.months[m]?.used ?? "0"));
          tc = tc.plus(c);
          tu = tu.plus(u);
          return {
            TimePeriod: period(m),
            Utilization: utilization(c, u),
          };
        });
        return {
          SavingsPlansUtilizationsByTime: byTime,
          Total: { Utilization: utilization(tc, tu) },
        };
      }
      case "GetSavingsPlansUtilizationDetails": {
        if (granularity !== undefined)
          throw new CeError("ValidationException", "Granularity is not a parameter here");
        const items = this.ledger.plans.flatMap((p) => {
          const c = sum(...months.map((m) => p.months[m]?.commitment ?? "0"));
          const u = sum(...months.map((m) => p.months[m]?.used ?? "0"));
          if (c.isZero()) return [];
          return [
            {
              SavingsPlanArn: p.arn,
              Attributes: {
                AccountId: p.accountId,
                SavingsPlansType: p.type,
                Region: p.region,
                StartDateTime: p.start,
                EndDateTime: p.end,
              },
              Utilization: utilization(c, u),
            },
          ];
        });
        const { items: page, next } = this.page(op, input, items);
        return {
          SavingsPlansUtilizationDetails: page,
          TimePeriod: {
            Start: input.TimePeriod?.Start,
            End: input.TimePeriod?.End,
          },
          ...(next ? { NextToken: next } : {}),
        };
      }
      case "GetReservationCoverage": {
        monthly();
        groupKeys(input, [
          "AZ",
          "INSTANCE_TYPE",
          "LINKED_ACCOUNT",
          "PLATFORM",
          "REGION",
          "TENANCY",
        ]);
        // Pages cut by groups: the groups of one period on a page share one CoverageByTime.
        const groups = this.ledger.riCoverage
          .filter((l) => months.includes(l.month))
          .sort((a, b) => a.month.localeCompare(b.month) || a.accountId.localeCompare(b.accountId));
        const { items, next } = this.page(op, input, groups);
        const byTime: { TimePeriod: { Start: string; End: string }; Groups: unknown[] }[] = [];
        for (const l of items) {
          const last = byTime.at(-1);
          const group = {
            Attributes: { linkedAccount: l.accountId },
            Coverage: {
              CoverageHours: {
                ReservedHours: l.reservedHours,
                OnDemandHours: new Decimal(l.totalHours).minus(l.reservedHours).toFixed(),
                TotalRunningHours: l.totalHours,
                CoverageHoursPercentage: pctOf(
                  new Decimal(l.reservedHours),
                  new Decimal(l.totalHours),
                ),
              },
              CoverageCost: { OnDemandCost: l.onDemandCost },
            },
          };
          if (last?.TimePeriod.Start === l.month) last.Groups.push(group);
          else byTime.push({ TimePeriod: period(l.month), Groups: [group] });
        }
        return { CoveragesByTime: byTime, ...(next ? { NextPageToken: next } : {}) };
      }
      case "GetReservationUtilization": {
        const keys = groupKeys(input, ["SUBSCRIPTION_ID"]);
        if (keys.length && granularity !== undefined)
          throw new CeError("ValidationException", "If GroupBy is set, Granularity can't be set");
        if (!keys.length)
          throw new CeError("ValidationException", "this fake needs SUBSCRIPTION_ID");
        const groups = this.ledger.reservations.flatMap((r) => {
          const fee = sum(...months.map((m) => r.months[m]?.fee ?? "0"));
          if (fee.isZero()) return [];
          const unused = sum(...months.map((m) => r.months[m]?.unusedCost ?? "0"));
          return [
            {
              Key: "SUBSCRIPTION_ID",
              Value: r.subscriptionId,
              Attributes: {
                accountId: r.accountId,
                instanceType: r.instanceType,
                numberOfInstances: String(r.count),
                region: r.region,
                startDateTime: r.start,
                endDateTime: r.end,
                subscriptionId: r.subscriptionId,
              },
              Utilization: {
                TotalAmortizedFee: fee.toFixed(),
                RICostForUnusedHours: unused.toFixed(),
                UtilizationPercentage: pctOf(fee.minus(unused), fee),
              },
            },
          ];
        });
        const { items, next } = this.page(op, input, groups);
        return {
          UtilizationsByTime: [
            {
              TimePeriod: { Start: input.TimePeriod?.Start, End: input.TimePeriod?.End },
              Groups: items,
            },
          ],
          ...(next ? { NextPageToken: next } : {}),
        };
      }
    }
  }
}

function utilization(commitment: Decimal, used: Decimal) {
  return {
    TotalCommitment: commitment.toFixed(),
    UsedCommitment: used.toFixed(),
    UnusedCommitment: commitment.minus(used).toFixed(),
    UtilizationPercentage: pctOf(used, commitment),
  };
}
