// npm run db:migrate | db:migration -- <name> | db:check
// Prisma Migrate without Prisma's native schema engine (see lib/db/migrate). Uses DATABASE_URL, or the
// embedded Postgres in .data/pg when it is unset; SHADOW_DATABASE_URL replaces the throw-away shadow database.
import { resolveDatabase, stopOnExit, type RunningDatabase } from "../lib/db/embedded";
import { lastEnginePanic } from "../lib/db/migrate/errors";
import {
  applyMigrations,
  checkMigrations,
  createMigration,
  migrationSlug,
} from "../lib/db/migrate/index";

const USAGE = `Usage:
  tsx scripts/migrate.ts apply            apply pending migrations (npm run db:migrate)
  tsx scripts/migrate.ts create <name>    create a migration from prisma/schema.prisma (npm run db:migration -- <name>)
  tsx scripts/migrate.ts check            fail when prisma/schema.prisma and prisma/migrations disagree (npm run db:check)`;

const [command = "", ...args] = process.argv.slice(2);
const log = (line: string) => console.log(line);
// MIGRATE_DEBUG=1 shows the schema engine's own tracing.
const engineLog = process.env.MIGRATE_DEBUG
  ? (line: string) => console.error(line.trim())
  : undefined;

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

function usageError(): string | undefined {
  if (!["apply", "create", "check"].includes(command)) return USAGE;
  if (command === "create" && !migrationSlug(args.join(" "))) {
    return `A migration name is required, e.g. npm run db:migration -- add_accounts\n\n${USAGE}`;
  }
  return undefined;
}

async function run(db: RunningDatabase): Promise<number> {
  const shadowDatabaseUrl = process.env.SHADOW_DATABASE_URL || undefined;
  switch (command) {
    case "apply": {
      const { applied } = await applyMigrations(db.url, { log, engineLog });
      console.log(
        applied.length
          ? `${applied.length} migration(s) applied.`
          : "No pending migrations: the database is up to date.",
      );
      return 0;
    }
    case "create": {
      const { created } = await createMigration(db.url, args.join(" "), {
        log,
        engineLog,
        shadowDatabaseUrl,
      });
      console.log(
        created
          ? `Created migration ${created}; apply it with npm run db:migrate.`
          : "No changes: prisma/schema.prisma and the migrations already agree.",
      );
      return 0;
    }
    case "check": {
      const { inSync, diffSql } = await checkMigrations(db.url, {
        log,
        engineLog,
        shadowDatabaseUrl,
      });
      if (inSync) {
        console.log("prisma/schema.prisma and prisma/migrations agree.");
        return 0;
      }
      console.error("prisma/schema.prisma has changes that no migration covers. Missing SQL:\n");
      console.error(diffSql.trim());
      console.error("\nCreate the migration with: npm run db:migration -- <name>");
      return 1;
    }
    default:
      throw new Error(`Unknown command ${command}`);
  }
}

async function main(): Promise<number> {
  const usage = usageError();
  if (usage) {
    console.error(usage);
    return 2;
  }
  const db = await resolveDatabase();
  stopOnExit(db);
  console.log(
    `Database: ${redact(db.url)}${process.env.DATABASE_URL ? "" : " (embedded, .data/pg)"}`,
  );
  try {
    return await run(db);
  } finally {
    await db.stop();
  }
}

// Engine panics trap inside promise callbacks, outside any await; report them like other failures.
process.on("uncaughtException", (error) => {
  const panic = lastEnginePanic();
  console.error(
    `${command} failed: ${panic ? `the schema engine panicked: ${panic}` : (error.stack ?? error.message)}`,
  );
  process.exit(1);
});

main().then(
  // Explicit exit: nothing else should keep the process alive, but a stray engine timer must not either.
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`${command} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
