// What a closed month still owes: today's computation minus everything issued for it (its own
// frozen lines and the adjustments for it already charged in later months). No "server-only".
import { diffLines, type LineAmounts } from "@/lib/domain/allocation/adjustments";
import { computeLiveMonth, type LiveMonth } from "./compute-live-month";
import type { ChargebackConfig, TxDb } from "./load-chargeback-settings";

export async function pendingAdjustment(
  db: TxDb,
  month: string,
  config: ChargebackConfig,
  known?: LiveMonth,
): Promise<{ live: LiveMonth; diff: LineAmounts[] }> {
  const at = new Date(`${month}T00:00:00Z`);
  const [live, issued] = await Promise.all([
    known ?? computeLiveMonth(db, month, config),
    db.chargebackLine.findMany({
      where: { OR: [{ month: at, adjustsMonth: null }, { adjustsMonth: at }] },
      select: { costCenter: true, accountId: true, directCents: true, sharedCents: true },
    }),
  ]);
  return { live, diff: diffLines(live.result.lines, issued) };
}
