// Prisma Migrate's apply / create / check, run on the Wasm schema engine through adapter-pg.
// Folder layout, lock file and `_prisma_migrations` rows are the engine's own, so the result is
// interchangeable with `prisma migrate deploy` wherever Prisma's native binaries are available.
import path from "node:path";
import type { SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { projectRoot } from "../embedded";
import { withEngine } from "./engine";
import {
  migrationSlug,
  nextMigrationName,
  readMigrationsList,
  readSchemaFiles,
  writeMigration,
} from "./files";

export { migrationSlug } from "./files";

export interface MigrateOptions {
  /** Default: prisma/migrations in the project. */
  migrationsDir?: string;
  /** A schema file or a folder of .prisma files. Default: prisma/schema.prisma in the project. */
  schemaPath?: string;
  log?: (line: string) => void;
  /** The engine's own tracing (JSON lines), for debugging it. */
  engineLog?: (line: string) => void;
}

export interface ShadowOptions extends MigrateOptions {
  /**
   * An empty database the engine may replay migrations into. Default: a throw-away `<db>_shadow_<random>`
   * database created on the same server (through its `postgres` database) and dropped afterwards.
   */
  shadowDatabaseUrl?: string;
}

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

function paths(opts: MigrateOptions) {
  return {
    migrationsDir: path.resolve(
      opts.migrationsDir ?? path.join(projectRoot(), "prisma", "migrations"),
    ),
    schemaPath: path.resolve(
      opts.schemaPath ?? path.join(projectRoot(), "prisma", "schema.prisma"),
    ),
  };
}

/** `prisma migrate deploy`: applies pending migrations in order; a no-op when there are none. */
export async function applyMigrations(
  databaseUrl: string,
  opts: MigrateOptions = {},
): Promise<{ applied: string[] }> {
  const { migrationsDir } = paths(opts);
  const migrationsList = await readMigrationsList(migrationsDir);
  const { appliedMigrationNames } = await withEngine(
    databaseUrl,
    { log: opts.log, engineLog: opts.engineLog },
    (engine) =>
      engine.run("applyMigrations", (e) =>
        e.applyMigrations({ migrationsList, filters: NO_FILTER }),
      ),
  );
  for (const name of appliedMigrationNames) opts.log?.(`Applied migration ${name}`);
  return { applied: appliedMigrationNames };
}

/**
 * `prisma migrate dev --create-only`: applies pending migrations (the engine diffs against a fully
 * migrated database), then writes the migration from the migrations' end state to the schema.
 * Returns the new folder's name, or null when schema and migrations already agree.
 */
export async function createMigration(
  databaseUrl: string,
  name: string,
  opts: ShadowOptions = {},
): Promise<{ created: string | null }> {
  const { migrationsDir, schemaPath } = paths(opts);
  const files = await readSchemaFiles(schemaPath);
  const schema = { files };
  const migrationsList = await readMigrationsList(migrationsDir);
  const { log, engineLog, shadowDatabaseUrl } = opts;
  const engineOptions = { schemaFiles: files, shadowDatabaseUrl, log, engineLog };
  return withEngine(databaseUrl, engineOptions, async (engine) => {
    // Also primes the engine's state that evaluateDataLoss and createMigration rely on (Postgres).
    const { action } = await engine.run("devDiagnostic", (e) =>
      e.devDiagnostic({ migrationsList, filters: NO_FILTER }),
    );
    if (action.tag === "reset") {
      throw new Error(
        `The database no longer matches the migrations and would need a reset (all data lost) before a new migration can be created:\n${action.reason}`,
      );
    }
    const { appliedMigrationNames } = await engine.run("applyMigrations", (e) =>
      e.applyMigrations({ migrationsList, filters: NO_FILTER }),
    );
    for (const applied of appliedMigrationNames) opts.log?.(`Applied pending migration ${applied}`);

    const loss = await engine.run("evaluateDataLoss", (e) =>
      e.evaluateDataLoss({ migrationsList, schema, filters: NO_FILTER }),
    );
    for (const warning of loss.warnings) opts.log?.(`Warning: ${warning.message}`);
    for (const step of loss.unexecutableSteps)
      opts.log?.(`Cannot be applied as generated (step ${step.stepIndex}): ${step.message}`);

    const migration = await engine.run("createMigration", (e) =>
      e.createMigration({
        draft: false,
        migrationName: migrationSlug(name),
        migrationsList,
        schema,
        filters: NO_FILTER,
      }),
    );
    if (migration.migrationScript === null) return { created: null };
    const folder = nextMigrationName(migrationsList, migration.generatedMigrationName);
    const file = await writeMigration(migrationsList, {
      name: folder,
      extension: migration.extension,
      script: migration.migrationScript,
      connectorType: migration.connectorType,
    });
    opts.log?.(`Created ${path.relative(process.cwd(), file)}`);
    return { created: folder };
  });
}

/**
 * Compares the end state of the migrations (replayed on a shadow database) with the schema.
 * `diffSql` is the script that would bring the migrations up to the schema; empty when in sync.
 */
export async function checkMigrations(
  databaseUrl: string,
  opts: ShadowOptions = {},
): Promise<{ inSync: boolean; diffSql: string }> {
  const { migrationsDir, schemaPath } = paths(opts);
  const files = await readSchemaFiles(schemaPath);
  const migrationsList = await readMigrationsList(migrationsDir);
  const result = await withEngine(
    databaseUrl,
    { shadowDatabaseUrl: opts.shadowDatabaseUrl, log: opts.log, engineLog: opts.engineLog },
    (engine) =>
      engine.run("diff", (e) =>
        e.diff({
          // Without any migration the engine cannot tell the connector (no lock file): start from nothing.
          from: migrationsList.migrationDirectories.length
            ? { tag: "migrations", ...migrationsList }
            : { tag: "empty" },
          to: { tag: "schemaDatamodel", files },
          script: true,
          exitCode: true,
          filters: NO_FILTER,
        }),
      ),
  );
  // With exitCode set the engine answers 2 when the diff is not empty, as `migrate diff --exit-code`.
  const inSync = result.exitCode === 0;
  return { inSync, diffSql: inSync ? "" : (result.stdout ?? "") };
}
