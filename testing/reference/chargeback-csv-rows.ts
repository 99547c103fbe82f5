// The chargeback CSV rows as lib/server/chargeback/chargeback-csv-rows.ts wrote them before the
// lines were stored and written by Postgres (the reference for the byte-identical tests).
// The chargeback CSV of one month as rows (header first), for the streamed download and the CLI.
// Exact cents; the rows without adjusts_month add up to the organization's total for the month.
// No "server-only" (scripts/chargeback-export.ts uses it).
import type { CsvCell } from "../../lib/export/csv";
import { formatCents } from "../../lib/domain/allocation/largest-remainder";
import { CHARGE_GROUPS } from "../../lib/domain/allocation/charge-policy";
import { buildMonthChargeback } from "../../lib/server/chargeback/build-month-chargeback";
import type { TxDb } from "../../lib/server/chargeback/load-chargeback-settings";

export const CHARGEBACK_CSV_HEADER = [
  "month",
  "cost_center",
  "account_id",
  "account_name",
  "ou_path",
  "direct_cost",
  "shared_allocated",
  "total",
  "adjusts_month",
  // Direct cost by charge type (chargeback policy); empty on adjustments and on lines issued before.
  "usage",
  "credits_refunds",
  "commitment_fees",
  "tax",
  "support",
] as const;

/** `visible` null = every account (unscoped callers and the CLI). */
export async function* chargebackCsvRows(
  db: TxDb,
  month: string,
  visible: ReadonlySet<string> | null,
): AsyncGenerator<CsvCell[]> {
  yield [...CHARGEBACK_CSV_HEADER];
  const cb = await buildMonthChargeback(db, month);
  for (const r of cb.rows) {
    if (visible && !visible.has(r.accountId)) continue;
    yield [
      month,
      r.costCenter,
      r.accountId,
      r.accountName,
      r.ouPath,
      formatCents(r.directCents),
      formatCents(r.sharedCents),
      formatCents(r.directCents + r.sharedCents),
      r.adjustsMonth,
      ...CHARGE_GROUPS.map((g) => (r.components ? formatCents(r.components[g]) : null)),
    ];
  }
}
