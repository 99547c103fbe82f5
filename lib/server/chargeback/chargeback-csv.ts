// The chargeback CSV of one month (header first), for the streamed download and the CLI: exact
// cents; the lines without adjusts_month add up to the organization's total for the month. A closed
// month is its frozen lines; an open month is its stored computed lines (computed and stored first
// when none are stored for the current inputs). Postgres writes every line (chargeback-cells-sql.ts; an open month's
// when it is stored) and COPY streams them; the bytes are the ones csv-stringify wrote before (test:
// chargeback-csv-identical.int.test.ts). No "server-only" (scripts/chargeback-export.ts uses it).
import pg from "pg";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { copyLines, fillTempTable } from "@/lib/db/copy-lines";
import { connectExport } from "@/lib/db/export-stream";
import { formatCents } from "@/lib/domain/allocation/largest-remainder";
import { CHARGE_GROUPS } from "@/lib/domain/allocation/charge-policy";
import { csvFields, csvLine } from "@/lib/export/csv";
import type { MonthChargeback } from "./build-month-chargeback";
import { CHARGEBACK_CELLS_SQL } from "./chargeback-cells-sql";
import { storeComputedMonth } from "./store-computed-month";

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

const ZExists = z.array(z.object({ closed: z.boolean(), stored: z.boolean() }));
const ROWS_PER_PIECE = 500;

function linesSql(table: string, month: string, scoped: boolean, order: string): string {
  const m = pg.escapeLiteral(month);
  // Stored open months carry their cells (written when stored); closed months are written here.
  const cells =
    table === "chargeback_computed_line"
      ? `coalesce(cells, ${CHARGEBACK_CELLS_SQL})`
      : CHARGEBACK_CELLS_SQL;
  return `SELECT ${pg.escapeLiteral(`${csvFields([month])},`)} || ${cells}
    FROM ${table} WHERE month = ${m}::date
      ${scoped ? "AND account_id IN (SELECT id FROM pg_temp.x_chargeback_scope)" : ""}
    ORDER BY ${order}`;
}

/** The month's lines as COPY writes them; false when an open month has no lines of the current inputs. */
async function* storedLines(
  databaseUrl: string,
  month: string,
  visible: ReadonlySet<string> | null,
): AsyncGenerator<Uint8Array, boolean> {
  const client = await connectExport(databaseUrl);
  let finished = false;
  try {
    // One snapshot: lines replaced after the check are still read as they were at the check.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
    const state = ZExists.parse(
      (
        await client.query(
          `SELECT EXISTS (SELECT 1 FROM closed_period WHERE month = $1::date AND reopened_at IS NULL) AS closed,
                  EXISTS (SELECT 1 FROM chargeback_computed_month WHERE month = $1::date
                            AND inputs_version = (SELECT last_value FROM chargeback_inputs_version)) AS stored`,
          [month],
        )
      ).rows,
    )[0];
    const found = state?.closed || state?.stored || false;
    if (found) {
      if (visible)
        await fillTempTable(
          client,
          "x_chargeback_scope",
          ["id"],
          [...visible].map((id) => [id]),
        );
      yield* copyLines(
        client,
        state?.closed
          ? // As issued: the month's own lines, then the adjustments charged in it.
            linesSql(
              "chargeback_line",
              month,
              visible !== null,
              "adjusts_month ASC NULLS LAST, cost_center, account_id",
            )
          : linesSql("chargeback_computed_line", month, visible !== null, "position"),
      );
    }
    await client.query("COMMIT");
    finished = true;
    return found;
  } finally {
    client.release(!finished);
  }
}

/** Lines from a computation that could not be stored (a writer was in flight): written in Node. */
function* computedPieces(
  cb: MonthChargeback,
  visible: ReadonlySet<string> | null,
): Generator<Uint8Array> {
  let piece = "";
  let n = 0;
  for (const r of cb.rows) {
    if (visible && !visible.has(r.accountId)) continue;
    piece += csvLine([
      cb.month,
      r.costCenter,
      r.accountId,
      r.accountName,
      r.ouPath,
      formatCents(r.directCents),
      formatCents(r.sharedCents),
      formatCents(r.directCents + r.sharedCents),
      r.adjustsMonth,
      ...CHARGE_GROUPS.map((g) => (r.components ? formatCents(r.components[g]) : null)),
    ]);
    if (++n % ROWS_PER_PIECE === 0) {
      yield Buffer.from(piece);
      piece = "";
    }
  }
  if (piece) yield Buffer.from(piece);
}

/** `visible` null = every account (unscoped callers and the CLI). */
export async function* chargebackCsvPieces(
  db: Db,
  databaseUrl: string,
  month: string,
  visible: ReadonlySet<string> | null,
): AsyncGenerator<Uint8Array> {
  yield Buffer.from(csvLine([...CHARGEBACK_CSV_HEADER]));
  if (yield* storedLines(databaseUrl, month, visible)) return;
  const { chargeback, stored } = await storeComputedMonth(db, month);
  if (stored && (yield* storedLines(databaseUrl, month, visible))) return;
  // Emptied again in between (a collection committed): the computation in hand is still this
  // request's answer, as it was before the store existed.
  yield* computedPieces(chargeback, visible);
}
