// The rows a period close writes: the month's own lines and the adjustments charged in it.
// No "server-only" (used inside the close transaction; kept apart so the close stays short).
import { monthsAdjustedIn, type LineAmounts } from "@/lib/domain/allocation/adjustments";
import type { ChargeComponents } from "@/lib/domain/allocation/charge-policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LiveMonth } from "./compute-live-month";
import type { ChargebackConfig, TxDb } from "./load-chargeback-settings";
import { pendingAdjustment } from "./pending-adjustment";

export async function freezeLines(
  db: TxDb,
  live: LiveMonth,
  closed: ReadonlySet<string>,
  config: ChargebackConfig,
  issuedAt: Date,
): Promise<Prisma.ChargebackLineCreateManyInput[]> {
  const toRow = (
    l: LineAmounts & { components?: ChargeComponents },
    from: LiveMonth,
    adjustsMonth: string | null,
  ): Prisma.ChargebackLineCreateManyInput => ({
    month: new Date(`${live.month}T00:00:00Z`),
    costCenter: l.costCenter,
    accountId: l.accountId,
    accountName: from.meta.get(l.accountId)?.name ?? "",
    ouPath: from.meta.get(l.accountId)?.ouPath ?? "",
    directCents: l.directCents,
    sharedCents: l.sharedCents,
    totalCents: l.directCents + l.sharedCents,
    usageCents: l.components?.usage ?? null,
    creditsCents: l.components?.credits ?? null,
    commitmentsCents: l.components?.commitments ?? null,
    taxCents: l.components?.tax ?? null,
    supportCents: l.components?.support ?? null,
    adjustsMonth: adjustsMonth ? new Date(`${adjustsMonth}T00:00:00Z`) : null,
    issuedAt,
  });
  const rows = live.result.lines.map((l) => toRow(l, live, null));
  for (const x of monthsAdjustedIn(live.month, closed)) {
    const { live: liveX, diff } = await pendingAdjustment(db, x, config);
    rows.push(...diff.map((l) => toRow(l, liveX, x)));
  }
  return rows;
}
