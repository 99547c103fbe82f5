// Months with cost data, newest first, with Cost Explorer's estimated flag. No "server-only".
import { z } from "zod";
import type { TxDb } from "./load-chargeback-settings";

const ZRow = z.object({ month: z.string(), estimated: z.boolean() });

/** From the per-account rollup (kept exact by triggers): ~70k rows at 5,000 accounts instead of ~1.5M. */
export async function listCostMonths(db: TxDb): Promise<{ month: string; estimated: boolean }[]> {
  const rows =
    await db.$queryRaw`SELECT to_char(month, 'YYYY-MM-DD') AS month, bool_or(estimated_count > 0) AS estimated FROM cost_account_month GROUP BY month ORDER BY month DESC`;
  return z.array(ZRow).parse(rows);
}
