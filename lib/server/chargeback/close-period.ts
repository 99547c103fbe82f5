// Closes a month: only when Cost Explorer no longer marks it estimated. Its chargeback is frozen
// as issued, together with the corrections for earlier closed months that it carries.
import "server-only";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { monthOf } from "@/lib/domain/months";
import { formatMonth } from "@/lib/format/money";
import { formatCents } from "@/lib/domain/allocation/largest-remainder";
import { conflict } from "@/lib/errors";
import { computeLiveMonth } from "./compute-live-month";
import { freezeLines } from "./freeze-lines";
import { loadChargebackSettings } from "./load-chargeback-settings";
import { changePeriod } from "./period-lock";

export async function closePeriod(
  db: Db,
  principal: Pick<Principal, "email" | "scope">,
  month: string,
  now = new Date(),
) {
  return changePeriod(db, principal, "close", 120_000, async (tx, closed) => {
    if (month >= monthOf(now))
      throw conflict(`${formatMonth(month)} is not over yet, so it cannot be closed.`);
    if (closed.has(month)) throw conflict(`${formatMonth(month)} is already closed.`);
    const config = await loadChargebackSettings(tx);
    const live = await computeLiveMonth(tx, month, config);
    if (!live.hasData) throw conflict(`${formatMonth(month)} has no cost data to charge back.`);
    if (live.estimated)
      throw conflict(
        `Cost Explorer still marks ${formatMonth(month)} as estimated; close it once AWS finalizes the month's figures.`,
      );
    const rows = await freezeLines(tx, live, new Set(closed.keys()), config, now);
    await tx.chargebackLine.createMany({ data: rows });
    const data = {
      closedAt: now,
      closedBy: principal.email,
      reopenedAt: null,
      reopenedBy: null,
      chargePolicies: config.chargebackChargePolicies,
    };
    await tx.closedPeriod.upsert({
      where: { month: new Date(`${month}T00:00:00Z`) },
      create: { month: new Date(`${month}T00:00:00Z`), ...data },
      update: data,
    });
    const issued = rows
      .filter((r) => !r.adjustsMonth)
      .reduce((s, r) => s + BigInt(r.totalCents), 0n);
    const adjustments = rows
      .filter((r) => r.adjustsMonth)
      .reduce((s, r) => s + BigInt(r.totalCents), 0n);
    const detail = {
      total: formatCents(issued),
      adjustments: formatCents(adjustments),
      lines: rows.length,
      metric: config.chargebackCostMetric,
    };
    await tx.auditEvent.create({
      data: { actor: principal.email, action: "chargeback.period.close", target: month, detail },
    });
    return { month, ...detail };
  });
}
