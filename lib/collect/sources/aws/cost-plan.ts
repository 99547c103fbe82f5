// Which months and days a run fetches from Cost Explorer. The first run backfills the whole
// history; later runs refetch only months Cost Explorer still called estimated, plus the current one.
// A tag key without stored history (a new setting) is backfilled on its own over the whole window.
// Daily cost covers its own window of days (daily-plan.ts).
import { addMonths, monthOf, monthRange } from "@/lib/domain/months";
import { COST_DIMENSIONS, type TCostDimension } from "@/lib/domain/snapshot";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import { planDailyFetch, type DailyPlan } from "./daily-plan";
import { planLateCorrections, type RefetchPlan } from "./late-corrections";

export interface CostState {
  /** An earlier run stored the full history (succeeded or partial, never capped or failed). */
  backfilled: boolean;
  /** Months stored with Cost Explorer's "Estimated" flag still set. */
  estimatedMonths: string[];
  /** Months with stored cost-by-tag rows, by tag key. */
  tagKeyMonths: Readonly<Record<string, readonly string[]>>;
  /**
   * Both Savings Plans and Reserved Instances are settled: their last read was "ok", or "denied"
   * (no permission, or no data: nothing to backfill). Absent: never (see commitmentsSettled).
   */
  commitmentsBackfilled?: boolean;
  /** Months with stored cost-by-dimension rows (charge type, region), by dimension. */
  dimensionMonths?: Readonly<Partial<Record<TCostDimension, readonly string[]>>>;
  /** Days with stored daily cost (none: the daily window is backfilled). */
  dailyDays?: readonly string[];
  /** Months with stored monthly cost rows (absent: unknown, every unstored day is fetched). */
  costMonths?: readonly string[];
  /** When the late-correction schedule was last settled (a backfill or a refetch); null: never; absent: not tracked. */
  lastRefetchAt?: string | null;
}

export interface MonthRange {
  /** First month, "YYYY-MM-01". */
  start: string;
  /** Exclusive end: the first day of the month after the last. */
  end: string;
}

export interface TagFetch {
  key: string;
  months: string[];
  ranges: MonthRange[];
}

export interface DimensionFetch {
  dimension: TCostDimension;
  months: string[];
  ranges: MonthRange[];
}

export interface CostPlan {
  months: string[];
  ranges: MonthRange[];
  /** One monthly account × tag value query per key, over the run's months, or the whole window for a key never stored. */
  tags: TagFetch[];
  /** One monthly account × dimension value query per dimension, planned like a tag key. */
  dimensions: DimensionFetch[];
  daily: DailyPlan;
  /** The late-correction schedule this run settles (its refetched final months are in `months`). */
  refetch?: RefetchPlan;
}

function dayOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function contiguousRanges(months: readonly string[]): MonthRange[] {
  const sorted = [...new Set(months)].sort();
  const ranges: MonthRange[] = [];
  for (const m of sorted) {
    const last = ranges.at(-1);
    if (last && last.end === m) last.end = addMonths(m, 1);
    else ranges.push({ start: m, end: addMonths(m, 1) });
  }
  return ranges;
}

export function planCostFetch(
  now: Date,
  historyMonths: number,
  state: CostState,
  tagKeys: readonly string[],
  forceBackfill = false,
  dailyWindowDays = DEFAULT_SETTINGS.dailyCostHistoryDays,
  lateCorrectionMonths = DEFAULT_SETTINGS.lateCorrectionMonths,
): CostPlan {
  const current = monthOf(now);
  const window = monthRange(addMonths(current, -historyMonths), current);
  const full = forceBackfill || !state.backfilled;
  const wanted = full
    ? window
    : window.filter((m) => m === current || state.estimatedMonths.includes(m));
  const open = [...wanted].sort();
  const refetch = planLateCorrections(
    now,
    lateCorrectionMonths,
    state.lastRefetchAt,
    window,
    open,
    full,
  );
  // Refetched final months go through the same monthly, tag and dimension queries; not their days.
  const months = [...open, ...(refetch?.months ?? [])].sort();

  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const end = dayOf(new Date(today.getTime() + 86_400_000));
  // Cost Explorer has nothing after today: the current month's range ends tomorrow, not next month.
  const rangesOf = (ms: readonly string[]) =>
    contiguousRanges(ms).map((r) => (r.end > end ? { ...r, end } : r));
  // A store holds a key's whole window or none of it (runs commit atomically): a key without rows is new.
  const tags = [...new Set(tagKeys)].map((key) => {
    const keyMonths = state.tagKeyMonths[key]?.length ? months : window;
    return { key, months: keyMonths, ranges: rangesOf(keyMonths) };
  });
  // Charge types and regions follow the same rule: the run's months, or the whole window the first time.
  const dimensions = COST_DIMENSIONS.map((dimension) => {
    const dimMonths = state.dimensionMonths?.[dimension]?.length ? months : window;
    return { dimension, months: dimMonths, ranges: rangesOf(dimMonths) };
  });
  // Months of the window the monthly history holds no spend for (e.g. before the organization's first
  // bill): their days have nothing to fetch.
  const withCost = new Set(state.costMonths ?? []);
  const emptyMonths = state.costMonths ? window.filter((m) => !withCost.has(m)) : [];
  const daily = planDailyFetch(
    now,
    dailyWindowDays,
    state.dailyDays ?? [],
    open,
    full,
    emptyMonths,
  );
  return { months, ranges: rangesOf(months), tags, dimensions, daily, refetch };
}

/** A range cut to the end of the cost plan's range that holds it (the current month ends tomorrow). */
function clampTo(r: MonthRange, planned: readonly MonthRange[]): MonthRange {
  const holder = planned.find((p) => p.start <= r.start && r.start < p.end);
  return holder && holder.end < r.end ? { ...r, end: holder.end } : r;
}

/** Commitment kinds always read (Savings Plans, Reserved Instances). */
const COMMITMENT_KINDS = 2;

/**
 * Whether stored commitment fetch statuses let later runs refetch only the recent months: every kind
 * was read and its last status is "ok" or "denied" (an org without RIs, or without
 * ce:GetReservation*, reads "denied" every run: refetching the whole window would never end). A kind
 * never read, or whose last read failed ("error"), forces the whole window again.
 */
export function commitmentsSettled(fetches: readonly { kind: string; status: string }[]): boolean {
  const settled = new Set(
    fetches.filter((f) => f.status === "ok" || f.status === "denied").map((f) => f.kind),
  );
  return settled.size >= COMMITMENT_KINDS;
}

/**
 * Savings Plans / RI months: the cost plan's months (what is still estimated, plus the current
 * month) once both kinds are settled (read in full, or denied); the whole window before that (first
 * run, or a kind whose last read failed).
 */
export function planCommitmentFetch(
  now: Date,
  historyMonths: number,
  state: CostState,
  costPlan: CostPlan,
): { months: string[]; ranges: MonthRange[] } {
  if (state.commitmentsBackfilled && state.backfilled) {
    // Late corrections revise spend, not commitment coverage: refetched final months are not asked for.
    const refetched = new Set(costPlan.refetch?.months ?? []);
    if (!refetched.size) return { months: costPlan.months, ranges: costPlan.ranges };
    const months = costPlan.months.filter((m) => !refetched.has(m));
    return { months, ranges: contiguousRanges(months).map((r) => clampTo(r, costPlan.ranges)) };
  }
  const full = planCostFetch(now, historyMonths, state, [], true);
  return { months: full.months, ranges: full.ranges };
}
