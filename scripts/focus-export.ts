// `npm run focus:export -- --from YYYY-MM --to YYYY-MM`: FOCUS 1.2 CSV of the stored cost data
// (Cost Explorer or demo, and imported FOCUS rows) for those billing months, on stdout.
// DATABASE_URL, or the embedded database in .data/pg.
import { parseArgs } from "node:util";
import { ZFocusExportQuery } from "../lib/api/chargeback";
import { resolveDatabase, stopOnExit } from "../lib/db/embedded";
import { byteStream } from "../lib/export/csv";
import { writeWebStream } from "../lib/focus/write-web-stream";
import { focusCsvPieces } from "../lib/focus/export-focus";

const log = (line: string) => console.error(`[orglens] ${line}`);

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== "--"),
    options: { from: { type: "string" }, to: { type: "string" } },
    allowPositionals: true,
  });
  const q = ZFocusExportQuery.safeParse(values);
  if (!q.success) {
    console.error("Usage: npm run focus:export -- --from YYYY-MM --to YYYY-MM  (from ≤ to)");
    return 2;
  }
  const { from, to } = q.data;
  const database = await resolveDatabase(log);
  stopOnExit(database);
  const stats = { lines: 0 };
  try {
    const complete = await writeWebStream(
      byteStream(focusCsvPieces(database.url, { from, to, accountIds: null }, stats)),
      process.stdout,
    );
    if (!complete) log("The reader closed the output early.");
    else log(`FOCUS 1.2 export ${from.slice(0, 7)} to ${to.slice(0, 7)}: ${stats.lines} rows.`);
    return 0;
  } finally {
    await database.stop();
  }
}

process.exitCode = await main();
