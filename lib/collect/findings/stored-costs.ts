// What a run did not refetch comes from the stored history: an incremental run fetches only the
// open months, yet the cost checks and KPIs judge the last final month. This fills the snapshot's
// cost facts for that month from the store (read after this run's own months were written), so an
// unchanged organization evaluates the same on every run, incremental or full.
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { judgedMonth } from "@/lib/domain/checks/costs";
import { monthOf } from "@/lib/domain/months";
import type { TCostByTag, TCostMonthly, TSnapshot } from "@/lib/domain/snapshot";

const ZCatalogue = z.array(z.object({ month: z.date(), estimated: z.boolean() }));

export async function withStoredCosts(
  tx: Prisma.TransactionClient,
  snap: TSnapshot,
): Promise<TSnapshot> {
  const current = monthOf(new Date(snap.collectedAt));
  const catalogue = ZCatalogue.parse(
    await tx.$queryRaw`SELECT month, bool_or(estimated) AS estimated FROM cost_monthly
                       WHERE source = ${snap.source} AND month < ${current}::date GROUP BY month`,
  );
  const judged = judgedMonth(
    current,
    catalogue.map((c) => ({ month: monthOf(c.month), estimated: c.estimated })),
  );
  if (!judged || snap.costs.months.includes(judged.month)) return snap;

  const at = new Date(`${judged.month}T00:00:00Z`);
  const monthly = await tx.costMonthly.findMany({
    where: { source: snap.source, month: at },
    select: {
      accountId: true,
      service: true,
      unblended: true,
      amortized: true,
      net: true,
      estimated: true,
    },
  });
  // A key this run backfilled (a new setting) is in the snapshot for that month already.
  const fetchedKeys = snap.costs.tagKeys.filter((k) =>
    (snap.costs.tagKeyMonths[k] ?? snap.costs.months).includes(judged.month),
  );
  const tagged = await tx.costByTag.findMany({
    where: { month: at, tagKey: { notIn: fetchedKeys } },
    select: {
      accountId: true,
      tagKey: true,
      tagValue: true,
      unblended: true,
      amortized: true,
      net: true,
      estimated: true,
    },
  });
  const storedMonthly: TCostMonthly[] = monthly.map((r) => ({
    accountId: r.accountId,
    month: judged.month,
    service: r.service,
    unblended: r.unblended.toFixed(),
    amortized: r.amortized.toFixed(),
    net: r.net.toFixed(),
    estimated: r.estimated,
  }));
  const storedByTag: TCostByTag[] = tagged.map((r) => ({
    accountId: r.accountId,
    month: judged.month,
    tagKey: r.tagKey,
    tagValue: r.tagValue,
    unblended: r.unblended.toFixed(),
    amortized: r.amortized.toFixed(),
    net: r.net.toFixed(),
    estimated: r.estimated,
  }));
  return {
    ...snap,
    costs: {
      ...snap.costs,
      months: [...snap.costs.months, judged.month].sort(),
      tagKeys: [...new Set([...snap.costs.tagKeys, ...storedByTag.map((r) => r.tagKey)])],
      monthly: [...snap.costs.monthly, ...storedMonthly],
      byTag: [...snap.costs.byTag, ...storedByTag],
    },
  };
}
