// `npm run focus:import -- <file.csv>`: loads a FOCUS CSV (1.0 or later; CUR 2.0 FOCUS exports,
// Azure, OCI …) into focus_charge, all or nothing, and prints what was loaded per provider.
// Loading the same file again replaces its rows. DATABASE_URL, or the embedded database in .data/pg.
import { existsSync } from "node:fs";
import { createPrismaClient } from "../lib/db/client";
import { resolveDatabase, stopOnExit } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { importFocusFile } from "../lib/focus/import-focus";
import { FocusParseError } from "../lib/focus/parse-focus";

const log = (line: string) => console.error(`[orglens] ${line}`);

async function main(): Promise<number> {
  const files = process.argv.slice(2).filter((a) => a !== "--");
  if (files.length !== 1 || !files[0]) {
    console.error("Usage: npm run focus:import -- <file.csv>");
    return 2;
  }
  const file = files[0];
  if (!existsSync(file)) {
    console.error(`No such file: ${file}`);
    return 2;
  }
  const database = await resolveDatabase(log);
  stopOnExit(database);
  const db = createPrismaClient(database.url);
  try {
    await applyMigrations(database.url, { log });
    const started = Date.now();
    const s = await importFocusFile(db, file, "cli:focus-import");
    console.log(
      `Imported ${s.rows} FOCUS rows from ${file} as ${s.importId} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    if (s.replaced)
      console.log(`Replaced ${s.replaced} rows of an earlier import of the same file.`);
    console.log(`Billing periods: ${s.billingPeriods.join(", ") || "none"}`);
    console.log(["Provider", "Rows", "Sub-accounts", "BilledCost", "EffectiveCost"].join("\t"));
    for (const p of s.providers)
      console.log(
        [p.providerName, p.rows, p.subAccounts, p.billedCost, p.effectiveCost].join("\t"),
      );
    return 0;
  } catch (err) {
    if (!(err instanceof FocusParseError)) throw err;
    console.error(err.message);
    console.error("Nothing was imported.");
    return 1;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

process.exitCode = await main();
