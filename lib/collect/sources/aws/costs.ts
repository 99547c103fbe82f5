// Spend from Cost Explorer (management account, us-east-1): monthly by account × service with the
// three cost metrics in one call, monthly by account × value of every tag key the plan names,
// monthly by account × charge type (RECORD_TYPE) and × REGION, then — for each charge type other
// than plain Usage that the charge-type query found — account × service filtered to that type (Cost
// Explorer takes two GroupBy at most), daily over the days the plan names (the daily window's days
// not stored yet or not final yet).
// With GroupBy, Total is empty: amounts are summed exactly across pages, by the store from the run's
// staging (each page is staged as it arrives, `streamCosts`) or here in memory (`readCosts`).
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
import { ZCostDimension } from "@/lib/domain/snapshot";
import type { CostSink, StagedCostRow, TStagedKind } from "@/lib/collect/store/cost-staging";
import { forEachCostAndUsagePage, type PagerOptions } from "./ce-pager";
import type { CostPlan } from "./cost-plan";
import type { RequestMeter } from "./meter";

const METRICS = {
  unblended: "UnblendedCost",
  amortized: "AmortizedCost",
  net: "NetUnblendedCost",
} as const;
const FIELDS = ["unblended", "amortized", "net"] as const;
type Amounts = Record<(typeof FIELDS)[number], Decimal>;

/** What a run's cost read covers: the slices the store replaces with the staged rows. */
export interface CostsMeta {
  currency: string;
  months: string[];
  days: string[];
  tagKeys: string[];
  /** Months fetched per tag key (a new key's history reaches further back than `months`). */
  tagKeyMonths: Record<string, string[]>;
  dimensionMonths: Partial<Record<TCostDimension, string[]>>;
  /** The late-correction schedule the run settles (see late-corrections.ts). */
  refetch?: CostPlan["refetch"];
}

export interface CostsResult extends CostsMeta {
  monthly: TCostMonthly[];
  daily: TCostDaily[];
  byTag: TCostByTag[];
  byDimension: TCostByDimension[];
  charges: TCostCharge[];
}

/** One page's groups as staged rows; `key` is the fact's first key, `value` what the second group key maps to. */
function pageRows(
  results: readonly ResultByTime[],
  key: string,
  value: (raw: string) => string,
  onUnit?: (unit: string) => void,
): StagedCostRow[] {
  const rows: StagedCostRow[] = [];
  for (const r of results) {
    const period = r.TimePeriod?.Start;
    if (!period) continue;
    for (const g of r.Groups ?? []) {
      const [accountId, raw = ""] = g.Keys ?? [];
      if (!accountId) continue;
      const amount = (field: (typeof FIELDS)[number]) => {
        const m = g.Metrics?.[METRICS[field]];
        if (m?.Unit) onUnit?.(m.Unit);
        return m?.Amount ?? "0";
      };
      rows.push({
        accountId,
        period,
        key,
        value: value(raw),
        estimated: r.Estimated ?? false,
        unblended: amount("unblended"),
        amortized: amount("amortized"),
        net: amount("net"),
      });
    }
  }
  return rows;
}

const BY_ACCOUNT: GroupDefinition = { Type: "DIMENSION", Key: "LINKED_ACCOUNT" };
const BY_SERVICE: GroupDefinition = { Type: "DIMENSION", Key: "SERVICE" };
/** Service label of daily rows when days are grouped by account only. */
export const ALL_SERVICES = "All services";

/**
 * Reads the plan's costs page by page into `sink`; returns what the rows cover. Holds one page at a
 * time, whatever the organization's size.
 */
export async function streamCosts(
  client: CostExplorerClient,
  meter: RequestMeter,
  plan: CostPlan,
  dailyByService: boolean,
  progress: (phase: string) => void,
  sink: CostSink,
  pager: PagerOptions = {},
): Promise<CostsMeta> {
  const query = (
    start: string,
    end: string,
    granularity: "MONTHLY" | "DAILY",
    groupBy: GroupDefinition[],
    onPage: (results: ResultByTime[]) => Promise<void>,
    filter?: Expression,
  ) =>
    forEachCostAndUsagePage(
      client,
      meter,
      {
        TimePeriod: { Start: start, End: end },
        Granularity: granularity,
        Metrics: Object.values(METRICS),
        GroupBy: groupBy,
        ...(filter ? { Filter: filter } : {}),
      },
      onPage,
      pager,
    );
  const stage = (kind: TStagedKind, rows: StagedCostRow[]) => sink.stage(kind, rows);

  progress("costs: monthly by account and service");
  let currency = "USD";
  const setCurrency = (unit: string) => void (currency = unit);
  for (const r of plan.ranges)
    await query(r.start, r.end, "MONTHLY", [BY_ACCOUNT, BY_SERVICE], (page) =>
      stage(
        "monthly",
        pageRows(page, "", (s) => s, setCurrency),
      ),
    );

  for (const { key, ranges } of plan.tags) {
    progress(`costs: monthly by tag ${key}`);
    // Group keys read "key$value"; "key$" is the untagged bucket.
    const tagValue = (s: string) => (s.startsWith(`${key}$`) ? s.slice(key.length + 1) : s);
    for (const r of ranges)
      await query(r.start, r.end, "MONTHLY", [BY_ACCOUNT, { Type: "TAG", Key: key }], (page) =>
        stage("tag", pageRows(page, key, tagValue)),
      );
  }

  for (const { dimension, ranges } of plan.dimensions) {
    progress(`costs: monthly by ${dimension === "RECORD_TYPE" ? "charge type" : "region"}`);
    for (const r of ranges) {
      const seen = new Set<string>();
      await query(
        r.start,
        r.end,
        "MONTHLY",
        [BY_ACCOUNT, { Type: "DIMENSION", Key: dimension }],
        (page) => {
          const rows = pageRows(page, dimension, (s) => s);
          for (const row of rows) seen.add(row.value);
          return stage("dimension", rows);
        },
      );
      if (dimension !== "RECORD_TYPE") continue;
      // Only the types this range has: an organization without commitments asks for no fee detail.
      const types = [...seen].filter((t) => t !== PLAIN_USAGE).sort();
      for (const recordType of types)
        await query(
          r.start,
          r.end,
          "MONTHLY",
          [BY_ACCOUNT, BY_SERVICE],
          (page) =>
            stage(
              "charge",
              pageRows(page, recordType, (s) => s),
            ),
          { Dimensions: { Key: "RECORD_TYPE", Values: [recordType], MatchOptions: ["EQUALS"] } },
        );
    }
  }

  progress("costs: daily");
  // Days × accounts × services is the costliest query by far: by service only when asked for.
  const dailyGroups = dailyByService ? [BY_ACCOUNT, BY_SERVICE] : [BY_ACCOUNT];
  for (const r of plan.daily.ranges)
    await query(r.start, r.end, "DAILY", dailyGroups, (page) =>
      stage(
        "daily",
        pageRows(page, "", (s) => (dailyByService ? s : ALL_SERVICES)),
      ),
    );

  return {
    currency,
    months: plan.months,
    days: plan.daily.days,
    tagKeys: plan.tags.map((t) => t.key),
    tagKeyMonths: Object.fromEntries(plan.tags.map((t) => [t.key, t.months])),
    dimensionMonths: Object.fromEntries(plan.dimensions.map((d) => [d.dimension, d.months])),
    ...(plan.refetch ? { refetch: plan.refetch } : {}),
  };
}

interface Summed {
  row: StagedCostRow;
  amounts: Amounts;
}

/** Sums staged rows by fact key in memory, exactly (what the store does in SQL from the staging). */
class MemorySink implements CostSink {
  private readonly rows = new Map<TStagedKind, Map<string, Summed>>();

  stage(kind: TStagedKind, rows: readonly StagedCostRow[]): Promise<void> {
    const byKey = this.rows.get(kind) ?? new Map<string, Summed>();
    this.rows.set(kind, byKey);
    for (const row of rows) {
      const id = `${row.accountId}|${row.period}|${row.key}|${row.value}`;
      const summed = byKey.get(id) ?? {
        row: { ...row, estimated: false },
        amounts: { unblended: new Decimal(0), amortized: new Decimal(0), net: new Decimal(0) },
      };
      summed.row.estimated ||= row.estimated;
      for (const field of FIELDS) summed.amounts[field] = summed.amounts[field].plus(row[field]);
      byKey.set(id, summed);
    }
    return Promise.resolve();
  }

  discard(): Promise<void> {
    this.rows.clear();
    return Promise.resolve();
  }

  list(kind: TStagedKind) {
    // toFixed() never uses exponent notation: Cost Explorer sends amounts such as "1.2E-9".
    return [...(this.rows.get(kind)?.values() ?? [])].map(({ row, amounts }) => ({
      ...row,
      unblended: amounts.unblended.toFixed(),
      amortized: amounts.amortized.toFixed(),
      net: amounts.net.toFixed(),
    }));
  }
}

/** The plan's costs held in memory (tests, small reads); a run streams them instead (`streamCosts`). */
export async function readCosts(
  client: CostExplorerClient,
  meter: RequestMeter,
  plan: CostPlan,
  dailyByService: boolean,
  progress: (phase: string) => void,
  pager: PagerOptions = {},
): Promise<CostsResult> {
  const memory = new MemorySink();
  const meta = await streamCosts(client, meter, plan, dailyByService, progress, memory, pager);
  const amounts = (r: { unblended: string; amortized: string; net: string }) => ({
    unblended: r.unblended,
    amortized: r.amortized,
    net: r.net,
  });
  return {
    ...meta,
    monthly: memory.list("monthly").map((r) => ({
      accountId: r.accountId,
      month: r.period,
      service: r.value,
      ...amounts(r),
      estimated: r.estimated,
    })),
    byTag: memory.list("tag").map((r) => ({
      accountId: r.accountId,
      month: r.period,
      tagKey: r.key,
      tagValue: r.value,
      ...amounts(r),
      estimated: r.estimated,
    })),
    byDimension: memory.list("dimension").map((r) => ({
      accountId: r.accountId,
      month: r.period,
      dimension: ZCostDimension.parse(r.key),
      value: r.value,
      ...amounts(r),
      estimated: r.estimated,
    })),
    charges: memory.list("charge").map((r) => ({
      accountId: r.accountId,
      month: r.period,
      service: r.value,
      recordType: r.key,
      ...amounts(r),
      estimated: r.estimated,
    })),
    daily: memory.list("daily").map((r) => ({
      accountId: r.accountId,
      day: r.period,
      service: r.value,
      ...amounts(r),
    })),
  };
}
