// `npm run focus:export -- --from YYYY-MM --to YYYY-MM`: FOCUS 1.2 CSV of the stored cost data
// (Cost Explorer or demo, and imported FOCUS rows) for those billing months, on stdout.
// DATABASE_URL, or the embedded database in .data/pg.
import { parseArgs } from "node:util";
import { ZFocusExportQuery } from "../lib/api/chargeback";
import { resolveDatabase, stopOnExit } from "../lib/db/embedded";
import { csvStream, type CsvCell } from "../lib/export/csv";
import { writeWebStream } from "../lib/focus/write-web-stream";
import { focusCsvRows } from "../lib/focus/export-focus";

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
  let rows = 0;
  async function* counted(): AsyncGenerator<CsvCell[]> {
    for await (const row of focusCsvRows(database.url, { from, to, accountIds: null })) {
      rows++;
      yield row;
    }
  }
  try {
    const complete = await writeWebStream(csvStream(counted()), process.stdout);
    if (!complete) log("The reader closed the output early.");
    else
      log(
        `FOCUS 1.2 export ${from.slice(0, 7)} to ${to.slice(0, 7)}: ${Math.max(rows - 1, 0)} rows.`,
      );
    return 0;
  } finally {
    await database.stop();
  }
}

process.exitCode = await main();
