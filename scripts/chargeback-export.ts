// `npm run chargeback:export -- --month YYYY-MM`: the month's chargeback CSV on stdout, exactly as
// the dashboard's download (a closed month as issued; an open month live, with the adjustments it
// carries). A reconciliation line goes to stderr. DATABASE_URL, or the embedded database in .data/pg.
import { once } from "node:events";
import { parseArgs } from "node:util";
import { parse } from "csv-parse";
import { z } from "zod";
import { createPrismaClient } from "../lib/db/client";
import { resolveDatabase, stopOnExit } from "../lib/db/embedded";
import { ZMonthParam } from "../lib/api/chargeback";
import { formatCents, toCentsHalfUp } from "../lib/domain/allocation/largest-remainder";
import { byteStream } from "../lib/export/csv";
import { writeWebStream } from "../lib/focus/write-web-stream";
import {
  CHARGEBACK_CSV_HEADER,
  chargebackCsvPieces,
} from "../lib/server/chargeback/chargeback-csv";

const log = (line: string) => console.error(`[orglens] ${line}`);
const TOTAL = CHARGEBACK_CSV_HEADER.indexOf("total");
const ADJUSTS = CHARGEBACK_CSV_HEADER.indexOf("adjusts_month");

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== "--"),
    options: { month: { type: "string" } },
    allowPositionals: true,
  });
  const month = z.object({ month: ZMonthParam }).safeParse(values);
  if (!month.success) {
    console.error("Usage: npm run chargeback:export -- --month YYYY-MM");
    return 2;
  }
  const m = month.data.month;
  const database = await resolveDatabase(log);
  stopOnExit(database);
  const db = createPrismaClient(database.url, { max: 4 });
  const sums = { lines: 0, cents: 0n, adjustments: 0, adjustmentCents: 0n };
  // The reconciliation line reads the CSV as written (a spreadsheet's view of it).
  const parser = parse({ from_line: 2, relax_column_count: false });
  parser.on("data", (row: string[]) => {
    const cents = toCentsHalfUp(row[TOTAL] ?? "0");
    if (row[ADJUSTS]) {
      sums.adjustments++;
      sums.adjustmentCents += cents;
    } else {
      sums.lines++;
      sums.cents += cents;
    }
  });
  const parsed = once(parser, "end");
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const piece of chargebackCsvPieces(db, database.url, m, null)) {
      parser.write(piece);
      yield piece;
    }
    parser.end();
    await parsed;
  }
  try {
    const complete = await writeWebStream(byteStream(counted()), process.stdout);
    if (!complete) log("The reader closed the output early.");
    else
      log(
        `Chargeback ${m.slice(0, 7)}: ${sums.lines} lines totalling ${formatCents(sums.cents)} USD; ${sums.adjustments} adjustment lines totalling ${formatCents(sums.adjustmentCents)} USD.`,
      );
    return 0;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

process.exitCode = await main();
