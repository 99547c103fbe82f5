// A run that stored its cost rows from staging keeps none in memory; its checks and KPIs read one
// month of them (the last full month, lib/domain/checks/costs, after ./stored-costs added a month the
// run did not fetch). This gives the evaluation back what the snapshot held for that reading, from the
// rows this transaction just stored (for the run's months, exactly its rows): every row of the month
// that can be judged, the tag rows of the keys fetched for it, and one row per other estimated month
// (what tells the judged month apart).
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { judgedMonth } from "@/lib/domain/checks/costs";
import { monthOf } from "@/lib/domain/months";
import type { TCostByTag, TCostMonthly, TSnapshot } from "@/lib/domain/snapshot";

const MONTHLY = {
  accountId: true,
  month: true,
  service: true,
  unblended: true,
  amortized: true,
  net: true,
  estimated: true,
} as const;

type StoredMonthly = {
  accountId: string;
  month: Date;
  service: string;
  unblended: { toFixed(): string };
  amortized: { toFixed(): string };
  net: { toFixed(): string };
  estimated: boolean;
};

const day = (d: Date) => d.toISOString().slice(0, 10);

function toMonthly(r: StoredMonthly): TCostMonthly {
  return {
    accountId: r.accountId,
    month: day(r.month),
    service: r.service,
    unblended: r.unblended.toFixed(),
    amortized: r.amortized.toFixed(),
    net: r.net.toFixed(),
    estimated: r.estimated,
  };
}

const ZCatalogue = z.array(z.object({ month: z.date(), estimated: z.boolean() }));

export async function withJudgedCosts(
  tx: Prisma.TransactionClient,
  snap: TSnapshot,
): Promise<TSnapshot> {
  const { costs } = snap;
  const current = monthOf(new Date(snap.collectedAt));
  const estimatedRows = costs.months.length
    ? await tx.costMonthly.findMany({
        where: {
          source: snap.source,
          month: { in: costs.months.map((m) => new Date(`${m}T00:00:00Z`)) },
          estimated: true,
        },
        distinct: ["month"],
        select: MONTHLY,
      })
    : [];
  const estimated = new Set(estimatedRows.map((r) => day(r.month)));
  // The month the snapshot's own months give (lastFullMonth), and the one the stored history gives
  // (withStoredCosts, which adds the stored rows of a month the run did not fetch): the checks read one.
  const own = judgedMonth(
    current,
    costs.months.map((month) => ({ month, estimated: estimated.has(month) })),
  );
  const catalogue = ZCatalogue.parse(
    await tx.$queryRaw`SELECT month, bool_or(estimated) AS estimated FROM cost_monthly
                       WHERE source = ${snap.source} AND month < ${current}::date GROUP BY month`,
  );
  const history = judgedMonth(
    current,
    catalogue.map((c) => ({ month: monthOf(c.month), estimated: c.estimated })),
  );
  const judged = [...new Set([own?.month, history?.month])].filter(
    (m): m is string => m !== undefined,
  );
  const fetched = judged.filter((m) => costs.months.includes(m));
  const monthly = fetched.length
    ? await tx.costMonthly.findMany({
        where: {
          source: snap.source,
          month: { in: fetched.map((m) => new Date(`${m}T00:00:00Z`)) },
        },
        select: MONTHLY,
      })
    : [];
  const byTag: TCostByTag[] = [];
  for (const month of judged) {
    const keys = costs.tagKeys.filter((k) =>
      (costs.tagKeyMonths[k] ?? costs.months).includes(month),
    );
    if (!keys.length) continue;
    const rows = await tx.costByTag.findMany({
      where: { month: new Date(`${month}T00:00:00Z`), tagKey: { in: keys } },
    });
    for (const r of rows)
      byTag.push({
        accountId: r.accountId,
        month,
        tagKey: r.tagKey,
        tagValue: r.tagValue,
        unblended: r.unblended.toFixed(),
        amortized: r.amortized.toFixed(),
        net: r.net.toFixed(),
        estimated: r.estimated,
      });
  }
  return {
    ...snap,
    costs: {
      ...costs,
      monthly: [
        ...estimatedRows.filter((r) => !fetched.includes(day(r.month))).map(toMonthly),
        ...monthly.map(toMonthly),
      ],
      byTag,
    },
  };
}
