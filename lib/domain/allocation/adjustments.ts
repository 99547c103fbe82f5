// Closed months are frozen: when their data changes later, the difference between a fresh
// computation and what was issued is charged as an adjustment in the next open month.
import { addMonths } from "@/lib/domain/months";

export interface LineAmounts {
  costCenter: string;
  accountId: string;
  directCents: bigint;
  sharedCents: bigint;
}

const keyOf = (l: LineAmounts) => `${l.costCenter}\u0000${l.accountId}`;

/** `live` minus everything already issued, per cost center and account; zero rows are dropped. */
export function diffLines(
  live: readonly LineAmounts[],
  issued: readonly LineAmounts[],
): LineAmounts[] {
  const out = new Map<string, LineAmounts>();
  const add = (l: LineAmounts, sign: bigint) => {
    const k = keyOf(l);
    const cur = out.get(k) ?? {
      costCenter: l.costCenter,
      accountId: l.accountId,
      directCents: 0n,
      sharedCents: 0n,
    };
    cur.directCents += sign * l.directCents;
    cur.sharedCents += sign * l.sharedCents;
    out.set(k, cur);
  };
  for (const l of live) add(l, 1n);
  for (const l of issued) add(l, -1n);
  return [...out.values()]
    .filter((l) => l.directCents !== 0n || l.sharedCents !== 0n)
    .sort(
      (a, b) => a.costCenter.localeCompare(b.costCenter) || a.accountId.localeCompare(b.accountId),
    );
}

/** The first month after `month` that is not closed. */
export function nextOpenMonth(month: string, closed: ReadonlySet<string>): string {
  let m = addMonths(month, 1);
  while (closed.has(m)) m = addMonths(m, 1);
  return m;
}

/** Closed months whose corrections are charged in `month` (every month in between is closed too). */
export function monthsAdjustedIn(month: string, closed: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let m = addMonths(month, -1); closed.has(m); m = addMonths(m, -1)) out.push(m);
  return out.reverse();
}

/** Rule and setting changes may only start after the last closed month (closed months never change). */
export function firstEditableMonth(closed: ReadonlySet<string>, fallback: string): string {
  const last = [...closed].sort().at(-1);
  return last ? addMonths(last, 1) : fallback;
}
