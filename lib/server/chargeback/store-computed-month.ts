// An open month's chargeback computed and, when nothing it is computed from is being changed right
// now, stored as its lines in order (chargeback_computed_*) with the inputs version it was computed
// at, so the CSV export reads them back with COPY. Triggers on every input table move the version on
// (migration 20261202210023_chargeback_computed_lines); they take a shared advisory lock, and the
// store only writes while holding it exclusively: a computation that might have missed an in-flight
// change is never stored. No "server-only": the CLI export computes through here too.
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { CHARGEBACK_CELLS_SQL } from "./chargeback-cells-sql";
import { buildMonthChargeback, type MonthChargeback } from "./build-month-chargeback";

/** The advisory lock the input triggers share (orglens_chargeback_inputs_changed). */
const INPUTS_LOCK = 7130016;
/** A 5,000-account month takes seconds to compute on a loaded machine. */
const TX_TIMEOUT_MS = 120_000;

const ZLock = z.array(z.object({ got: z.boolean(), version: z.bigint() }));

export async function storeComputedMonth(
  db: Db,
  month: string,
): Promise<{ chargeback: MonthChargeback; stored: boolean }> {
  return db.$transaction(
    async (tx) => {
      // The lock first, then the version: with no writer in flight, this version is what we read.
      const [lock] = ZLock.parse(
        await tx.$queryRaw`SELECT pg_try_advisory_xact_lock(${INPUTS_LOCK}::bigint) AS got,
                                  (SELECT last_value FROM chargeback_inputs_version) AS version`,
      );
      const chargeback = await buildMonthChargeback(tx, month);
      // A closed month's lines are its frozen chargeback_line rows; a writer in flight means the
      // computation may be stale by the time it commits.
      if (chargeback.closed || !lock?.got) return { chargeback, stored: false };
      const at = new Date(`${month}T00:00:00Z`);
      const current = await tx.chargebackComputedMonth.findUnique({ where: { month: at } });
      if (current?.inputsVersion === lock.version) return { chargeback, stored: true };
      // Lines of older versions are dead: drop them with this month's.
      await tx.chargebackComputedMonth.deleteMany({
        where: { OR: [{ month: at }, { inputsVersion: { not: lock.version } }] },
      });
      await tx.chargebackComputedMonth.create({
        data: { month: at, computedAt: new Date(), inputsVersion: lock.version },
      });
      await tx.chargebackComputedLine.createMany({
        data: chargeback.rows.map((r, position) => ({
          month: at,
          position,
          costCenter: r.costCenter,
          accountId: r.accountId,
          accountName: r.accountName,
          ouPath: r.ouPath,
          directCents: r.directCents,
          sharedCents: r.sharedCents,
          usageCents: r.components?.usage ?? null,
          creditsCents: r.components?.credits ?? null,
          commitmentsCents: r.components?.commitments ?? null,
          taxCents: r.components?.tax ?? null,
          supportCents: r.components?.support ?? null,
          adjustsMonth: r.adjustsMonth ? new Date(`${r.adjustsMonth}T00:00:00Z`) : null,
        })),
      });
      // Each line's CSV cells, written once here so that every export of the month only reads them.
      await tx.$executeRaw`UPDATE chargeback_computed_line SET cells = ${Prisma.raw(CHARGEBACK_CELLS_SQL)}
                           WHERE month = ${month}::date`;
      return { chargeback, stored: true };
    },
    { timeout: TX_TIMEOUT_MS, maxWait: TX_TIMEOUT_MS },
  );
}
