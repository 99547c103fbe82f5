// Shadow databases for the schema engine, which replays the migrations into one to learn their end state.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDatabaseIfMissing, dropDatabase } from "../embedded";

export interface ShadowDatabaseOptions {
  /** Wiped and used when given; otherwise a throw-away database is created per use. */
  shadowDatabaseUrl?: string;
  log?: (line: string) => void;
}

export interface ShadowDatabase {
  url: string;
  /** Drops a throw-away database once the engine is done with it. */
  release?: () => Promise<void>;
}

/** The `postgres` maintenance database on the server of `url`, to create and drop shadow databases. */
export function adminUrlFor(url: string): string {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  return admin.toString();
}

/** `<db>_shadow_<random>`, kept within Postgres' 63-byte identifier limit and createDatabaseIfMissing's charset. */
export function shadowDatabaseName(url: string): string {
  const base = decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres";
  const safe = base
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, "_")
    .replace(/^[^a-z_]/, "_");
  return `${safe.slice(0, 40)}_shadow_${randomBytes(6).toString("hex")}`;
}

/** What a connection reaches: the server (its cluster-wide system identifier) and the database in it. */
async function identify(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ system: string; database: string }>(
      "SELECT system_identifier::text AS system, current_database() AS database FROM pg_control_system()",
    );
    const row = rows[0];
    if (!row) throw new Error("pg_control_system() returned no row");
    return `${row.system}/${row.database}`;
  } finally {
    await client.end();
  }
}

/** Compared on the servers themselves: URL text misses localhost vs 127.0.0.1, DNS aliases, proxies. */
async function sameDatabase(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([identify(a), identify(b)]);
  return x === y;
}

/**
 * The engine expects an empty shadow database and does not clear a given one itself (a second run fails
 * with "relation already exists"), so every user schema in it is dropped first, as Prisma's own reset of
 * a configured shadow database does.
 */
async function wipe(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "SELECT nspname AS name FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'",
    );
    const drops = rows
      .map((row) => `DROP SCHEMA "${row.name.replaceAll('"', '""')}" CASCADE;`)
      .join("\n");
    await client.query(`${drops}\nCREATE SCHEMA public;`);
  } finally {
    await client.end();
  }
}

/**
 * A given shadow database is wiped (refusing the main database); otherwise `<db>_shadow_<random>` is
 * created on the same server through its `postgres` database, to be dropped on release.
 */
export async function prepareShadowDatabase(
  databaseUrl: string,
  options: ShadowDatabaseOptions,
): Promise<ShadowDatabase> {
  const given = options.shadowDatabaseUrl;
  if (given) {
    if (await sameDatabase(given, databaseUrl)) {
      throw new Error(
        "SHADOW_DATABASE_URL reaches the main database (same server and database name), which preparing the shadow would wipe; point it at an empty database of its own.",
      );
    }
    await wipe(given);
    return { url: given };
  }
  const adminUrl = adminUrlFor(databaseUrl);
  const name = shadowDatabaseName(databaseUrl);
  await createDatabaseIfMissing(adminUrl, name).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Could not create the shadow database ${name} (${reason}); point SHADOW_DATABASE_URL at an empty database instead.`,
      { cause: error },
    );
  });
  options.log?.(`Created shadow database ${name}`);
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const release = async () => {
    await dropDatabase(adminUrl, name);
    options.log?.(`Dropped shadow database ${name}`);
  };
  return { url: url.toString(), release };
}
