// The late corrections a run settled: each refetched final month's organization total before and
// after. Organization-wide totals: an OU-scoped caller is not told (null, like the run's other totals).
import "server-only";
import type { TRunLateCorrections } from "@/lib/api/runs";
import type { Scope } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";

export async function loadLateCorrections(
  db: Db,
  scope: Scope,
  runId: string,
): Promise<TRunLateCorrections | null> {
  if (scope.ouIds !== null) return null;
  const refetch = await db.costRefetch.findUnique({
    where: { runId },
    select: {
      full: true,
      months: {
        orderBy: { month: "asc" },
        select: { month: true, previousTotal: true, currentTotal: true, periodClosed: true },
      },
    },
  });
  if (!refetch) return null;
  return {
    full: refetch.full,
    months: refetch.months.map((m) => ({
      month: m.month.toISOString().slice(0, 10),
      previousTotal: m.previousTotal.toFixed(),
      currentTotal: m.currentTotal.toFixed(),
      difference: m.currentTotal.minus(m.previousTotal).toFixed(),
      periodClosed: m.periodClosed,
    })),
  };
}
