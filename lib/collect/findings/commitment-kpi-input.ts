// The last full month of Savings Plans / RI figures in the store (final or not, whichever the store
// holds), for this run's commitment KPIs. Read from the store, not the snapshot: an incremental run
// carries only the months it refetched.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TCommitmentKpiInput } from "@/lib/domain/kpis";
import { monthOf } from "@/lib/domain/months";

export async function readCommitmentKpiInput(
  tx: Prisma.TransactionClient,
  now: Date,
): Promise<TCommitmentKpiInput | null> {
  const current = new Date(`${monthOf(now)}T00:00:00Z`);
  const last = await tx.commitmentCoverage.aggregate({
    where: { month: { lt: current } },
    _max: { month: true },
  });
  const lastUsage = await tx.commitmentUsage.aggregate({
    where: { month: { lt: current } },
    _max: { month: true },
  });
  const month = [last._max.month, lastUsage._max.month]
    .filter((m): m is Date => m !== null)
    .reduce<Date | null>((a, b) => (a && a > b ? a : b), null);
  if (!month) return null;
  const [coverage, usage] = await Promise.all([
    tx.commitmentCoverage.findMany({
      where: { month, kind: "savings_plan" },
      select: { accountId: true, covered: true, total: true },
    }),
    tx.commitmentUsage.findMany({
      where: { month },
      select: { accountId: true, commitment: true, used: true },
    }),
  ]);
  return {
    month: monthOf(month),
    coverage: coverage.map((c) => ({
      accountId: c.accountId,
      covered: c.covered.toString(),
      total: c.total.toString(),
    })),
    usage: usage.map((u) => ({
      accountId: u.accountId,
      commitment: u.commitment.toString(),
      used: u.used.toString(),
    })),
  };
}
