// Late corrections in the store: the organization total of each refetched final month before this
// run replaces it, then after, with whether its chargeback period was closed. A closed period is
// never rewritten: its frozen lines stay, and the difference surfaces as adjustment lines (docs/chargeback.md).
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TSnapshot } from "@/lib/domain/snapshot";

const ZTotals = z.array(z.object({ month: z.date(), total: z.string() }));

/** Unblended totals (exact decimal text) of the months in the store, by "YYYY-MM-01". */
export async function monthTotals(
  tx: Prisma.TransactionClient,
  source: string,
  months: readonly string[],
): Promise<Map<string, string>> {
  if (!months.length) return new Map();
  const rows = ZTotals.parse(
    await tx.$queryRaw`
      SELECT month, sum(unblended)::text AS total FROM cost_monthly
      WHERE source = ${source} AND month = ANY(${months}::date[]) GROUP BY month`,
  );
  return new Map(rows.map((r) => [r.month.toISOString().slice(0, 10), r.total]));
}

/** Records the schedule the snapshot settles and, per refetched month, its totals before and after. */
export async function recordRefetch(
  tx: Prisma.TransactionClient,
  snap: TSnapshot,
  runId: string,
  before: ReadonlyMap<string, string>,
): Promise<void> {
  const refetch = snap.costs.refetch;
  if (!refetch) return;
  const months = refetch.months;
  const after = await monthTotals(tx, snap.source, months);
  const closed = await tx.closedPeriod.findMany({
    where: { reopenedAt: null, month: { in: months.map((m) => new Date(`${m}T00:00:00Z`)) } },
    select: { month: true },
  });
  const closedMonths = new Set(closed.map((c) => c.month.toISOString().slice(0, 10)));
  await tx.costRefetch.create({
    data: {
      runId,
      refetchedAt: new Date(snap.collectedAt),
      full: refetch.full,
      months: {
        create: months.map((m) => ({
          month: new Date(`${m}T00:00:00Z`),
          previousTotal: before.get(m) ?? "0",
          currentTotal: after.get(m) ?? "0",
          periodClosed: closedMonths.has(m),
        })),
      },
    },
  });
}
