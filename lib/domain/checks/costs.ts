// Spend inputs of the cost-based checks and KPIs. They judge the last full month whose figures are
// final: the running month is partial and Cost Explorer keeps the previous one "estimated" for days.
import { Decimal } from "decimal.js";
import { monthOf } from "@/lib/domain/months";
import type { TCostByTag, TSnapshot } from "@/lib/domain/snapshot";
import type { TSettings } from "@/lib/domain/settings";

export interface TCostMonth {
  month: string;
  /** True when no final month exists yet and the latest past month is used with estimated figures. */
  estimated: boolean;
}

export interface TAccountSpend {
  total: Decimal;
  byService: Map<string, Decimal>;
}

export interface TCostIndex {
  month: TCostMonth | null;
  spendByAccount: ReadonlyMap<string, TAccountSpend>;
  /** Tag key whose untagged bucket measures allocation ("" bucket), or null when none was collected. */
  allocationTagKey: string | null;
  /** Rows of cost-by-tag for the chosen month, by account then tag key. */
  byTag: ReadonlyMap<string, ReadonlyMap<string, readonly TCostByTag[]>>;
}

/** Among months with spend (and whether any of it is estimated): the one the cost checks judge. */
export function judgedMonth(
  current: string,
  months: readonly { month: string; estimated: boolean }[],
): TCostMonth | null {
  const past = months
    .filter((m) => m.month < current)
    .toSorted((a, b) => b.month.localeCompare(a.month));
  const final = past.find((m) => !m.estimated);
  if (final) return { month: final.month, estimated: false };
  const latest = past[0];
  return latest ? { month: latest.month, estimated: true } : null;
}

/** The latest month before the collection month with final figures, else the latest past month. */
export function lastFullMonth(snap: TSnapshot): TCostMonth | null {
  const estimated = new Set(snap.costs.monthly.filter((c) => c.estimated).map((c) => c.month));
  return judgedMonth(
    monthOf(new Date(snap.collectedAt)),
    snap.costs.months.map((month) => ({ month, estimated: estimated.has(month) })),
  );
}

/**
 * Every tag key whose spend something reads: the environment tag (ENV_SEGREGATION), the cost-center
 * tag (allocation KPI, chargeback's split by resource tag) and the required keys (untagged spend).
 * Allocation rules split by cost center or OU and name no tag key of their own.
 */
export function costTagKeys(settings: TSettings): string[] {
  return [
    ...new Set([
      settings.environmentTagKey,
      settings.costCenterTagKey,
      ...settings.requiredTagKeys,
    ]),
  ].sort();
}

export function allocationTagKey(snap: TSnapshot, settings: TSettings): string | null {
  const keys = snap.costs.tagKeys;
  if (keys.includes(settings.costCenterTagKey)) return settings.costCenterTagKey;
  return settings.requiredTagKeys.find((k) => keys.includes(k)) ?? null;
}

const cache = new WeakMap<TSnapshot, Map<string, TCostIndex>>();

export function indexCosts(snap: TSnapshot, settings: TSettings): TCostIndex {
  const tagKey = allocationTagKey(snap, settings);
  const perSnap = cache.get(snap) ?? new Map<string, TCostIndex>();
  cache.set(snap, perSnap);
  const known = perSnap.get(tagKey ?? "");
  if (known) return known;

  const month = lastFullMonth(snap);
  const spendByAccount = new Map<string, TAccountSpend>();
  const byTag = new Map<string, Map<string, TCostByTag[]>>();
  if (month) {
    for (const c of snap.costs.monthly) {
      if (c.month !== month.month) continue;
      const spend = spendByAccount.get(c.accountId) ?? {
        total: new Decimal(0),
        byService: new Map<string, Decimal>(),
      };
      spend.total = spend.total.plus(c.unblended);
      spend.byService.set(
        c.service,
        (spend.byService.get(c.service) ?? new Decimal(0)).plus(c.unblended),
      );
      spendByAccount.set(c.accountId, spend);
    }
    for (const t of snap.costs.byTag) {
      if (t.month !== month.month) continue;
      const perAccount = byTag.get(t.accountId) ?? new Map<string, TCostByTag[]>();
      const rows = perAccount.get(t.tagKey) ?? [];
      rows.push(t);
      perAccount.set(t.tagKey, rows);
      byTag.set(t.accountId, perAccount);
    }
  }
  const index: TCostIndex = { month, spendByAccount, allocationTagKey: tagKey, byTag };
  perSnap.set(tagKey ?? "", index);
  return index;
}

export interface TTagShare {
  total: Decimal;
  untagged: Decimal;
}

/** Untagged and total spend of one account for one tag key in the chosen month; null without data. */
export function untaggedOf(costs: TCostIndex, accountId: string, tagKey: string): TTagShare | null {
  const rows = costs.byTag.get(accountId)?.get(tagKey);
  if (!rows?.length) return null;
  let total = new Decimal(0);
  let untagged = new Decimal(0);
  for (const r of rows) {
    total = total.plus(r.unblended);
    if (r.tagValue === "") untagged = untagged.plus(r.unblended);
  }
  return { total, untagged };
}

/** Sum of an account's spend on the services the predicate selects, with the services seen. */
export function spendOn(
  spend: TAccountSpend | undefined,
  keep: (service: string) => boolean,
): { amount: Decimal; services: Record<string, string> } {
  let amount = new Decimal(0);
  const services: Record<string, string> = {};
  for (const [service, value] of spend?.byService ?? []) {
    if (!keep(service) || value.lte(0)) continue;
    amount = amount.plus(value);
    services[service] = value.toFixed(2);
  }
  return { amount, services };
}
