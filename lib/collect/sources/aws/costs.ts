// Spend from Cost Explorer (management account, us-east-1): monthly by account × service with the
// three cost metrics in one call, monthly by account × value of every tag key the plan names,
// monthly by account × charge type (RECORD_TYPE) and × REGION, then — for each charge type other
// than plain Usage that the charge-type query found — account × service filtered to that type (Cost
// Explorer takes two GroupBy at most), daily over the days the plan names (the daily window's days
// not stored yet or not final yet).
// With GroupBy, Total is empty: amounts are summed here, exactly, across pages.
import type {
  CostExplorerClient,
  Expression,
  GroupDefinition,
  ResultByTime,
} from "@aws-sdk/client-cost-explorer";
import Decimal from "decimal.js";
import { PLAIN_USAGE } from "@/lib/domain/costs/charge-types";
import type {
  TCostByDimension,
  TCostByTag,
  TCostCharge,
  TCostDaily,
  TCostDimension,
  TCostMonthly,
} from "@/lib/domain/snapshot";
import { getCostAndUsageAll, type PagerOptions } from "./ce-pager";
import type { CostPlan } from "./cost-plan";
import type { RequestMeter } from "./meter";

const METRICS = {
  unblended: "UnblendedCost",
  amortized: "AmortizedCost",
  net: "NetUnblendedCost",
} as const;
const FIELDS = ["unblended", "amortized", "net"] as const;
type Amounts = Record<(typeof FIELDS)[number], Decimal>;

export interface CostsResult {
  currency: string;
  months: string[];
  days: string[];
  tagKeys: string[];
  /** Months fetched per tag key (a new key's history reaches further back than `months`). */
  tagKeyMonths: Record<string, string[]>;
  monthly: TCostMonthly[];
  daily: TCostDaily[];
  byTag: TCostByTag[];
  dimensionMonths: Partial<Record<TCostDimension, string[]>>;
  byDimension: TCostByDimension[];
  charges: TCostCharge[];
  /** The late-correction schedule the run settles (see late-corrections.ts). */
  refetch?: CostPlan["refetch"];
}

interface Row {
  accountId: string;
  period: string;
  second: string;
  estimated: boolean;
  amounts: Amounts;
}

/** Sums groups by (account, period, second key): a group split across pages is one row. */
class Rows {
  private readonly rows = new Map<string, Row>();
  currency = "USD";

  add(results: readonly ResultByTime[], secondKey: (raw: string) => string): void {
    for (const r of results) {
      const period = r.TimePeriod?.Start;
      if (!period) continue;
      for (const g of r.Groups ?? []) {
        const [accountId, raw = ""] = g.Keys ?? [];
        if (!accountId) continue;
        const second = secondKey(raw);
        const key = `${accountId}|${period}|${second}`;
        const row = this.rows.get(key) ?? {
          accountId,
          period,
          second,
          estimated: false,
          amounts: { unblended: new Decimal(0), amortized: new Decimal(0), net: new Decimal(0) },
        };
        row.estimated ||= r.Estimated ?? false;
        for (const field of FIELDS) {
          const m = g.Metrics?.[METRICS[field]];
          if (m?.Unit) this.currency = m.Unit;
          row.amounts[field] = row.amounts[field].plus(m?.Amount ?? "0");
        }
        this.rows.set(key, row);
      }
    }
  }

  list(): {
    accountId: string;
    period: string;
    second: string;
    estimated: boolean;
    unblended: string;
    amortized: string;
    net: string;
  }[] {
    // toFixed() never uses exponent notation: Cost Explorer sends amounts such as "1.2E-9".
    return [...this.rows.values()].map((r) => ({
      ...r,
      unblended: r.amounts.unblended.toFixed(),
      amortized: r.amounts.amortized.toFixed(),
      net: r.amounts.net.toFixed(),
    }));
  }
}

const BY_ACCOUNT: GroupDefinition = { Type: "DIMENSION", Key: "LINKED_ACCOUNT" };
const BY_SERVICE: GroupDefinition = { Type: "DIMENSION", Key: "SERVICE" };
/** Service label of daily rows when days are grouped by account only. */
export const ALL_SERVICES = "All services";

export async function readCosts(
  client: CostExplorerClient,
  meter: RequestMeter,
  plan: CostPlan,
  dailyByService: boolean,
  progress: (phase: string) => void,
  pager: PagerOptions = {},
): Promise<CostsResult> {
  const query = async (
    start: string,
    end: string,
    granularity: "MONTHLY" | "DAILY",
    groupBy: GroupDefinition[],
    filter?: Expression,
  ) =>
    getCostAndUsageAll(
      client,
      meter,
      {
        TimePeriod: { Start: start, End: end },
        Granularity: granularity,
        Metrics: Object.values(METRICS),
        GroupBy: groupBy,
        ...(filter ? { Filter: filter } : {}),
      },
      pager,
    );

  progress("costs: monthly by account and service");
  const monthly = new Rows();
  for (const r of plan.ranges)
    monthly.add(await query(r.start, r.end, "MONTHLY", [BY_ACCOUNT, BY_SERVICE]), (s) => s);

  const byTag: TCostByTag[] = [];
  for (const { key, ranges } of plan.tags) {
    progress(`costs: monthly by tag ${key}`);
    const rows = new Rows();
    // Group keys read "key$value"; "key$" is the untagged bucket.
    for (const r of ranges)
      rows.add(
        await query(r.start, r.end, "MONTHLY", [BY_ACCOUNT, { Type: "TAG", Key: key }]),
        (s) => (s.startsWith(`${key}$`) ? s.slice(key.length + 1) : s),
      );
    for (const r of rows.list())
      byTag.push({
        accountId: r.accountId,
        month: r.period,
        tagKey: key,
        tagValue: r.second,
        unblended: r.unblended,
        amortized: r.amortized,
        net: r.net,
        estimated: r.estimated,
      });
  }

  const byDimension: TCostByDimension[] = [];
  const charges: TCostCharge[] = [];
  for (const { dimension, ranges } of plan.dimensions) {
    progress(`costs: monthly by ${dimension === "RECORD_TYPE" ? "charge type" : "region"}`);
    for (const r of ranges) {
      const rows = new Rows();
      rows.add(
        await query(r.start, r.end, "MONTHLY", [BY_ACCOUNT, { Type: "DIMENSION", Key: dimension }]),
        (s) => s,
      );
      const listed = rows.list();
      for (const row of listed)
        byDimension.push({
          accountId: row.accountId,
          month: row.period,
          dimension,
          value: row.second,
          unblended: row.unblended,
          amortized: row.amortized,
          net: row.net,
          estimated: row.estimated,
        });
      if (dimension !== "RECORD_TYPE") continue;
      // Only the types this range has: an organization without commitments asks for no fee detail.
      const types = [...new Set(listed.map((l) => l.second))]
        .filter((t) => t !== PLAIN_USAGE)
        .sort();
      for (const recordType of types) {
        const byService = new Rows();
        byService.add(
          await query(r.start, r.end, "MONTHLY", [BY_ACCOUNT, BY_SERVICE], {
            Dimensions: { Key: "RECORD_TYPE", Values: [recordType], MatchOptions: ["EQUALS"] },
          }),
          (s) => s,
        );
        for (const row of byService.list())
          charges.push({
            accountId: row.accountId,
            month: row.period,
            service: row.second,
            recordType,
            unblended: row.unblended,
            amortized: row.amortized,
            net: row.net,
            estimated: row.estimated,
          });
      }
    }
  }

  progress("costs: daily");
  const daily = new Rows();
  // Days × accounts × services is the costliest query by far: by service only when asked for.
  const dailyGroups = dailyByService ? [BY_ACCOUNT, BY_SERVICE] : [BY_ACCOUNT];
  for (const r of plan.daily.ranges)
    daily.add(await query(r.start, r.end, "DAILY", dailyGroups), (s) =>
      dailyByService ? s : ALL_SERVICES,
    );

  return {
    currency: monthly.currency,
    months: plan.months,
    days: plan.daily.days,
    tagKeys: plan.tags.map((t) => t.key),
    tagKeyMonths: Object.fromEntries(plan.tags.map((t) => [t.key, t.months])),
    dimensionMonths: Object.fromEntries(plan.dimensions.map((d) => [d.dimension, d.months])),
    ...(plan.refetch ? { refetch: plan.refetch } : {}),
    byDimension,
    charges,
    monthly: monthly.list().map((r) => ({
      accountId: r.accountId,
      month: r.period,
      service: r.second,
      unblended: r.unblended,
      amortized: r.amortized,
      net: r.net,
      estimated: r.estimated,
    })),
    byTag,
    daily: daily.list().map((r) => ({
      accountId: r.accountId,
      day: r.period,
      service: r.second,
      unblended: r.unblended,
      amortized: r.amortized,
      net: r.net,
    })),
  };
}
