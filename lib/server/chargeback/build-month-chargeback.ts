// A month's chargeback as finance receives it: a closed month's frozen lines (its own and the
// adjustments charged in it), or an open month's live lines plus the adjustments of the closed
// months before it. No "server-only": the API, the CSV export and the CLI all read through here.
import {
  monthsAdjustedIn,
  nextOpenMonth,
  type LineAmounts,
} from "@/lib/domain/allocation/adjustments";
import type { ChargebackResult, PoolResult, TBasis } from "@/lib/domain/allocation/types";
import type { ChargeComponents } from "@/lib/domain/allocation/charge-policy";
import { computeLiveMonth, type LiveMonth } from "./compute-live-month";
import type { ChargebackConfig, TxDb } from "./load-chargeback-settings";
import { loadChargebackSettings } from "./load-chargeback-settings";
import { loadClosedMonths, type ClosedMonth } from "./load-closed-months";
import { pendingAdjustment } from "./pending-adjustment";

export interface ChargebackRow extends LineAmounts {
  accountName: string;
  ouPath: string;
  /** null on lines of the month itself; the corrected month on adjustments. */
  adjustsMonth: string | null;
  basis: TBasis | null;
  /** Direct cents by charge group; null on adjustments and on lines issued before the split. */
  components: ChargeComponents | null;
}

export interface MonthChargeback {
  month: string;
  config: ChargebackConfig;
  closed: ClosedMonth | null;
  closedMonths: Map<string, ClosedMonth>;
  hasData: boolean;
  estimated: boolean;
  /** The organization's total from today's data, rounded to cents. */
  liveTotalCents: bigint;
  rows: ChargebackRow[];
  pools: PoolResult[];
  /** Charge groups split over the organization this month (live computation). */
  chargePools: ChargebackResult["chargePools"];
  warnings: string[];
  /** Closed month only: what changed since it was issued, and the month that will carry it. */
  pending: { totalCents: bigint; appearsIn: string } | null;
}

const total = (ls: readonly LineAmounts[]) =>
  ls.reduce((s, l) => s + l.directCents + l.sharedCents, 0n);

function rowsOf(
  lines: readonly LineAmounts[],
  live: LiveMonth,
  adjustsMonth: string | null,
): ChargebackRow[] {
  const byKey = new Map(live.result.lines.map((l) => [`${l.costCenter}\u0000${l.accountId}`, l]));
  return lines.map((l) => {
    const m = live.meta.get(l.accountId);
    return {
      ...l,
      accountName: m?.name ?? "",
      ouPath: m?.ouPath ?? "",
      adjustsMonth,
      basis: adjustsMonth
        ? null
        : (byKey.get(`${l.costCenter}\u0000${l.accountId}`)?.basis ?? null),
      components: adjustsMonth
        ? null
        : (byKey.get(`${l.costCenter}\u0000${l.accountId}`)?.components ?? null),
    };
  });
}

export async function buildMonthChargeback(
  db: TxDb,
  month: string,
  config?: ChargebackConfig,
): Promise<MonthChargeback> {
  const cfg = config ?? (await loadChargebackSettings(db));
  const closedMonths = await loadClosedMonths(db);
  const live = await computeLiveMonth(db, month, cfg);
  const closed = closedMonths.get(month) ?? null;
  const base = {
    month,
    config: cfg,
    closed,
    closedMonths,
    hasData: live.hasData,
    estimated: live.estimated,
    liveTotalCents: live.result.totalCents,
    pools: live.result.pools,
    chargePools: live.result.chargePools,
    warnings: live.result.warnings,
  };

  if (closed) {
    const frozen = await db.chargebackLine.findMany({
      where: { month: new Date(`${month}T00:00:00Z`) },
      orderBy: [{ adjustsMonth: "asc" }, { costCenter: "asc" }, { accountId: "asc" }],
    });
    const rows: ChargebackRow[] = frozen.map((l) => ({
      costCenter: l.costCenter,
      accountId: l.accountId,
      accountName: l.accountName,
      ouPath: l.ouPath,
      directCents: l.directCents,
      sharedCents: l.sharedCents,
      adjustsMonth: l.adjustsMonth ? l.adjustsMonth.toISOString().slice(0, 10) : null,
      basis: null,
      components: frozenComponents(l),
    }));
    const { diff } = await pendingAdjustment(db, month, cfg, live);
    return {
      ...base,
      rows,
      pending: diff.length
        ? { totalCents: total(diff), appearsIn: nextOpenMonth(month, new Set(closedMonths.keys())) }
        : null,
    };
  }

  const rows = rowsOf(live.result.lines, live, null);
  const pending = await Promise.all(
    monthsAdjustedIn(month, new Set(closedMonths.keys())).map((x) => pendingAdjustment(db, x, cfg)),
  );
  pending.forEach(({ live: liveX, diff }) => rows.push(...rowsOf(diff, liveX, liveX.month)));
  return { ...base, rows, pending: null };
}

/** A frozen line's components, when it was issued with them (all five columns set). */
function frozenComponents(l: {
  usageCents: bigint | null;
  creditsCents: bigint | null;
  commitmentsCents: bigint | null;
  taxCents: bigint | null;
  supportCents: bigint | null;
}): ChargeComponents | null {
  const { usageCents, creditsCents, commitmentsCents, taxCents, supportCents } = l;
  if (
    usageCents === null ||
    creditsCents === null ||
    commitmentsCents === null ||
    taxCents === null ||
    supportCents === null
  )
    return null;
  return {
    usage: usageCents,
    credits: creditsCents,
    commitments: commitmentsCents,
    tax: taxCents,
    support: supportCents,
  };
}
