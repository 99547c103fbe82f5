// Late corrections: AWS still revises months Cost Explorer calls final (credits, refunds, tax). Once a
// calendar month — the first run of a month later than the last refetch's — the last N final months
// are asked for again, through the same planned, counted requests as every other month. A backfill
// fetches every month, so it settles the schedule too. The last refetch is stored (cost_refetch).
import { addMonths, monthOf } from "@/lib/domain/months";

export interface RefetchPlan {
  /** The run fetches the whole window (a backfill): the schedule restarts from it. */
  full: boolean;
  /** Final months asked for again for late corrections (none on a backfill). */
  months: string[];
}

/**
 * Whether a refetch is due: never done (null), or last done in an earlier calendar month than
 * `now`'s. Undefined: the caller keeps no schedule (never due).
 */
export function lateCorrectionDue(now: Date, lastRefetchAt: string | null | undefined): boolean {
  if (lastRefetchAt === undefined) return false;
  if (lastRefetchAt === null) return true;
  return monthOf(new Date(lastRefetchAt)) < monthOf(now);
}

/**
 * What the run settles: a backfill (`full`), a due refetch of the last `count` final months of the
 * window (months already refetched as estimated are not counted twice), or nothing (undefined).
 */
export function planLateCorrections(
  now: Date,
  count: number,
  lastRefetchAt: string | null | undefined,
  window: readonly string[],
  fetched: readonly string[],
  full: boolean,
): RefetchPlan | undefined {
  if (full) return { full: true, months: [] };
  if (count <= 0 || !lateCorrectionDue(now, lastRefetchAt)) return undefined;
  const current = monthOf(now);
  const inWindow = new Set(window);
  const already = new Set(fetched);
  const months = Array.from({ length: count }, (_, i) => addMonths(current, -(i + 1)))
    .filter((m) => inWindow.has(m) && !already.has(m))
    .sort();
  return { full: false, months };
}
