// Months currently closed. No "server-only" (the CLI exports read them too).
import type { TxDb } from "./load-chargeback-settings";

export interface ClosedMonth {
  month: string;
  closedAt: string;
  closedBy: string;
}

/** A re-opened month keeps its row (with reopenedAt set) and is not closed. */
export async function loadClosedMonths(db: TxDb): Promise<Map<string, ClosedMonth>> {
  const rows = await db.closedPeriod.findMany({
    where: { reopenedAt: null },
    orderBy: { month: "asc" },
  });
  return new Map(
    rows.map((r) => {
      const month = r.month.toISOString().slice(0, 10);
      return [month, { month, closedAt: r.closedAt.toISOString(), closedBy: r.closedBy }];
    }),
  );
}
