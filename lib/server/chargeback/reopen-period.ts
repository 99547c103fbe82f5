// Re-opens a closed month (admins, audited): its frozen lines are withdrawn and it reads live
// again. Refused while a later closed month already carries adjustments for it.
import "server-only";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { formatMonth } from "@/lib/format/money";
import { formatCents } from "@/lib/domain/allocation/largest-remainder";
import { conflict } from "@/lib/errors";
import { changePeriod } from "./period-lock";

export async function reopenPeriod(
  db: Db,
  principal: Pick<Principal, "email" | "scope">,
  month: string,
  now = new Date(),
) {
  const at = new Date(`${month}T00:00:00Z`);
  return changePeriod(db, principal, "reopen", 60_000, async (tx, closed) => {
    if (!closed.has(month)) throw conflict(`${formatMonth(month)} is not closed.`);
    const carried = await tx.chargebackLine.findFirst({
      where: { adjustsMonth: at },
      select: { month: true },
    });
    if (carried) {
      const later = carried.month.toISOString().slice(0, 10);
      throw conflict(
        `Adjustments for ${formatMonth(month)} were already issued in ${formatMonth(later)}; re-open ${formatMonth(later)} first.`,
      );
    }
    const issued = await tx.chargebackLine.aggregate({
      where: { month: at },
      _sum: { totalCents: true },
      _count: true,
    });
    await tx.chargebackLine.deleteMany({ where: { month: at } });
    await tx.closedPeriod.update({
      where: { month: at },
      data: { reopenedAt: now, reopenedBy: principal.email },
    });
    const detail = {
      withdrawnTotal: formatCents(issued._sum.totalCents ?? 0n),
      withdrawnLines: issued._count,
      closedBy: closed.get(month)?.closedBy ?? null,
    };
    await tx.auditEvent.create({
      data: { actor: principal.email, action: "chargeback.period.reopen", target: month, detail },
    });
    return { month, ...detail };
  });
}
