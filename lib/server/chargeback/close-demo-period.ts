// The demo load closes one month's chargeback period, as a FinOps team would, so that AWS's late
// credit in it (lib/collect/sources/demo/late-correction.ts) becomes an adjustment line. No
// "server-only": called from the demo setup (lib/setup/prepare-database), never from a request.
import type { Db } from "@/lib/db/client";
import { computeLiveMonth } from "./compute-live-month";
import { freezeLines } from "./freeze-lines";
import { loadChargebackSettings } from "./load-chargeback-settings";
import { loadClosedMonths } from "./load-closed-months";

/** Advisory lock of period changes (period-lock.ts, kept apart: that module is server-only). */
const PERIOD_LOCK = 7_243_001;

export async function closeDemoPeriod(db: Db, month: string, now = new Date()): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(${PERIOD_LOCK})::text`;
      const closed = await loadClosedMonths(tx);
      if (closed.has(month)) return;
      const config = await loadChargebackSettings(tx);
      const live = await computeLiveMonth(tx, month, config);
      if (!live.hasData || live.estimated) return;
      const rows = await freezeLines(tx, live, new Set(closed.keys()), config, now);
      await tx.chargebackLine.createMany({ data: rows });
      const at = new Date(`${month}T00:00:00Z`);
      await tx.closedPeriod.create({
        data: {
          month: at,
          closedAt: now,
          closedBy: "demo",
          chargePolicies: config.chargebackChargePolicies,
        },
      });
      await tx.auditEvent.create({
        data: {
          actor: "demo",
          action: "chargeback.period.close",
          target: month,
          detail: { lines: rows.length, metric: config.chargebackCostMetric },
        },
      });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
