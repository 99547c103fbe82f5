// A counting Cost Explorer over a hand-written ledger: spend lines with their tags, grouped the way
// Cost Explorer groups them (account × service or account × "key$value", "key$" untagged), paged
// by groups with an opaque token, months from `estimatedFrom` on flagged "Estimated". Tests edit
// the ledger between runs to model a change in the organization.
import type {
  GetCostAndUsageCommandInput,
  GetCostAndUsageCommandOutput,
  Group,
} from "@aws-sdk/client-cost-explorer";
import Decimal from "decimal.js";
import { addMonths, monthOf } from "@/lib/domain/months";
import { ceGroupPage, cePeriods } from "./ce-pages";

export interface LedgerLine {
  accountId: string;
  /** "YYYY-MM-01" */
  month: string;
  service: string;
  amount: string;
  tags?: Record<string, string>;
  /** Cost Explorer's RECORD_TYPE; default "Usage". */
  recordType?: string;
  /** Cost Explorer's REGION; default "us-east-1". */
  region?: string;
}

export interface LedgerSpec {
  pageSize: number;
  /** "Today": no daily data after it. */
  today: string;
  /** Months from this one on are "Estimated". */
  estimatedFrom: string;
}

interface Period {
  start: string;
  end: string;
  month: string;
  /** Share of the month's amount that falls in this period. */
  share: Decimal;
}

function daysIn(month: string): number {
  return (
    (new Date(`${addMonths(month, 1)}T00:00:00Z`).getTime() -
      new Date(`${month}T00:00:00Z`).getTime()) /
    86_400_000
  );
}

function periodsOf(start: string, end: string, daily: boolean, today: string): Period[] {
  return cePeriods(start, end, daily, today).map((p) => {
    if (!daily) return { ...p, month: p.start, share: new Decimal(1) };
    const month = monthOf(new Date(`${p.start}T00:00:00Z`));
    return { ...p, month, share: new Decimal(1).div(daysIn(month)) };
  });
}

const metrics = (amount: Decimal) => {
  const m = { Amount: amount.toFixed(), Unit: "USD" };
  return { UnblendedCost: m, AmortizedCost: m, NetUnblendedCost: m };
};

// Charge types and regions: the DIMENSION groupings beside SERVICE, and the RECORD_TYPE filter.
function dimensionValue(line: LedgerLine, key: string): string {
  if (key === "RECORD_TYPE") return line.recordType ?? "Usage";
  if (key === "REGION") return line.region ?? "us-east-1";
  if (key === "SERVICE") return line.service;
  throw new Error(`The ledger fake does not group by ${key}`);
}

function matchesFilter(line: LedgerLine, filter: GetCostAndUsageCommandInput["Filter"]): boolean {
  if (!filter) return true;
  const d = filter.Dimensions;
  if (!d?.Key || filter.And || filter.Or || filter.Not)
    throw new Error("The ledger fake filters on one dimension only");
  return (d.Values ?? []).includes(dimensionValue(line, d.Key));
}

export class LedgerCostExplorer {
  requests = 0;
  readonly queries: GetCostAndUsageCommandInput[] = [];
  ledger: LedgerLine[] = [];

  constructor(readonly spec: LedgerSpec) {}

  /** Queries (first pages) grouped by a tag, by tag key. */
  tagQueries(key: string): GetCostAndUsageCommandInput[] {
    return this.queries.filter((q) => q.GroupBy?.[1]?.Type === "TAG" && q.GroupBy[1].Key === key);
  }

  private groupsOf(
    period: Period,
    groupBy: GetCostAndUsageCommandInput["GroupBy"],
    filter: GetCostAndUsageCommandInput["Filter"],
  ): Group[] {
    const second = groupBy?.[1];
    const sums = new Map<string, { keys: string[]; amount: Decimal }>();
    for (const line of this.ledger) {
      if (line.month !== period.month || !matchesFilter(line, filter)) continue;
      const keys = !second
        ? [line.accountId]
        : second.Type === "TAG"
          ? [line.accountId, `${second.Key ?? ""}$${line.tags?.[second.Key ?? ""] ?? ""}`]
          : [line.accountId, dimensionValue(line, second.Key ?? "SERVICE")];
      const id = keys.join("|");
      const sum = sums.get(id) ?? { keys, amount: new Decimal(0) };
      sum.amount = sum.amount.plus(new Decimal(line.amount).mul(period.share));
      sums.set(id, sum);
    }
    return [...sums.values()].map((s) => ({ Keys: s.keys, Metrics: metrics(s.amount) }));
  }

  handle(input: GetCostAndUsageCommandInput): GetCostAndUsageCommandOutput {
    this.requests += 1;
    if (!input.NextPageToken) this.queries.push(input);
    const positions: { period: Period; group: Group }[] = [];
    for (const period of periodsOf(
      input.TimePeriod?.Start ?? "",
      input.TimePeriod?.End ?? "",
      input.Granularity === "DAILY",
      this.spec.today,
    )) {
      for (const group of this.groupsOf(period, input.GroupBy, input.Filter))
        positions.push({ period, group });
    }
    return ceGroupPage(input, this.spec.pageSize, positions.length, (i) => {
      const position = positions[i];
      if (!position) return undefined;
      const { period, group } = position;
      return { ...period, estimated: period.month >= this.spec.estimatedFrom, group };
    });
  }
}
