// A run that stored its cost rows from staging keeps none in memory; its checks and KPIs read one
// month of them (the last full month, lib/domain/checks/costs). This gives the evaluation back what
// the snapshot would have held for that reading, from the rows this transaction just stored: every
// row of the judged month, its tag rows of the keys fetched for it, and one row per estimated month
// (what tells the judged month apart). The stored rows of the run's months are exactly its rows.
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

export async function withJudgedCosts(
  tx: Prisma.TransactionClient,
  snap: TSnapshot,
): Promise<TSnapshot> {
  const { costs } = snap;
  if (!costs.months.length) return snap;
  const months = costs.months.map((m) => new Date(`${m}T00:00:00Z`));
  const estimatedRows = await tx.costMonthly.findMany({
    where: { source: snap.source, month: { in: months }, estimated: true },
    distinct: ["month"],
    select: MONTHLY,
  });
  const estimated = new Set(estimatedRows.map((r) => day(r.month)));
  const judged = judgedMonth(
    monthOf(new Date(snap.collectedAt)),
    costs.months.map((month) => ({ month, estimated: estimated.has(month) })),
  );
  if (!judged) return { ...snap, costs: { ...costs, monthly: estimatedRows.map(toMonthly) } };

  const at = new Date(`${judged.month}T00:00:00Z`);
  const monthly = await tx.costMonthly.findMany({
    where: { source: snap.source, month: at },
    select: MONTHLY,
  });
  const keys = costs.tagKeys.filter((k) =>
    (costs.tagKeyMonths[k] ?? costs.months).includes(judged.month),
  );
  const tagged = keys.length
    ? await tx.costByTag.findMany({ where: { month: at, tagKey: { in: keys } } })
    : [];
  const byTag: TCostByTag[] = tagged.map((r) => ({
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
      ...costs,
      monthly: [
        ...estimatedRows.filter((r) => day(r.month) !== judged.month).map(toMonthly),
        ...monthly.map(toMonthly),
      ],
      byTag,
    },
  };
}
