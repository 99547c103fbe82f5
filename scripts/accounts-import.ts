// `npm run accounts:import -- <file.csv>`: imports a CMDB export of the accounts the company owns
// (account id, name, owner) into Settings → Known accounts, exactly as the Settings page does: all or
// nothing, idempotent, audited as "cli:accounts-import". DATABASE_URL, or the embedded database in .data/pg.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { UNSCOPED } from "../lib/domain/access";
import { createPrismaClient } from "../lib/db/client";
import { resolveDatabase, stopOnExit } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { ZImportRejected } from "../lib/api/known-accounts";
import { AppError } from "../lib/errors";
import { importKnownAccounts } from "../lib/server/known-accounts/import-known-accounts";

const log = (line: string) => console.error(`[orglens] ${line}`);

async function main(): Promise<number> {
  const files = process.argv.slice(2).filter((a) => a !== "--");
  const file = files[0];
  if (files.length !== 1 || !file) {
    console.error(
      "Usage: npm run accounts:import -- <file.csv>   (columns: account id, name, owner)",
    );
    return 2;
  }
  if (!existsSync(file)) {
    console.error(`No such file: ${file}`);
    return 2;
  }
  const database = await resolveDatabase(log);
  stopOnExit(database);
  const db = createPrismaClient(database.url, { max: 2 });
  try {
    await applyMigrations(database.url, { log });
    const r = await importKnownAccounts(
      db,
      { email: "cli:accounts-import", scope: UNSCOPED },
      readFileSync(file, "utf8"),
      path.basename(file),
    );
    console.log(
      `Imported ${file}: ${r.created} added, ${r.updated} updated, ${r.unchanged} unchanged.`,
    );
    return 0;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    console.error(err.message);
    const rejected = ZImportRejected.safeParse(err.details);
    if (rejected.success)
      for (const row of rejected.data.rows) console.error(`  line ${row.line}: ${row.message}`);
    return 1;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

process.exitCode = await main();
