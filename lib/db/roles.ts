// `npm run db:roles`: the two-role set-up. Migrations run as the owner of the tables; the dashboard,
// collector and workers run as an app role that reads and writes rows but owns nothing: no DDL (it
// cannot drop the audit trail's append-only triggers or alter a table), and on audit_event only
// SELECT and INSERT. pg-boss keeps its queue in a schema of its own, installed here as the app role
// (which owns it, so pg-boss can add its partitions) under a CREATE right on the database held only meanwhile.
import pg from "pg";
import PgBoss from "pg-boss";

export interface AppRoleOptions {
  /** Login role the app connects as, e.g. orglens_app. */
  role: string;
  /** Its password; null keeps the password of an existing role (or creates one without). */
  password: string | null;
}

/** Tables the app may only append to. */
const APPEND_ONLY_TABLES = ["audit_event"];
/** Written only by the migration tool. */
const MIGRATION_TABLES = ["_prisma_migrations"];
/** pg-boss's schema (lib/collect/distributed/queue.ts); it creates and migrates its own tables. */
const QUEUE_SCHEMA = "pgboss";

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

export function validRoleName(role: string): boolean {
  return /^[a-z_][a-z0-9_]{0,62}$/.test(role);
}

/** The statements, in order; run as the owner of the OrgLens tables (`--print` shows them to a DBA). */
export function appRoleStatements(database: string, owner: string, opts: AppRoleOptions): string[] {
  if (!validRoleName(opts.role))
    throw new Error(`Invalid role name ${opts.role}: use lower-case letters, digits and _`);
  const app = ident(opts.role);
  const password = opts.password === null ? "" : ` PASSWORD ${literal(opts.password)}`;
  return [
    `DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${literal(opts.role)}) THEN
    CREATE ROLE ${app} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS${password};
  END IF;
END $$`,
    ...(opts.password === null
      ? []
      : [`ALTER ROLE ${app} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS${password}`]),
    `GRANT CONNECT, TEMPORARY ON DATABASE ${ident(database)} TO ${app}`,
    // Nobody but the owner creates objects in the app's schema (the PostgreSQL 15+ default, made explicit).
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
    `REVOKE CREATE ON SCHEMA public FROM ${app}`,
    `GRANT USAGE ON SCHEMA public TO ${app}`,
    `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
    ...APPEND_ONLY_TABLES.map((t) => `REVOKE UPDATE, DELETE, TRUNCATE ON ${ident(t)} FROM ${app}`),
    ...MIGRATION_TABLES.map(
      (t) => `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${ident(t)} FROM ${app}`,
    ),
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
    // Tables added by later migrations: the same row rights (run db:roles again after a migration
    // that adds an append-only table).
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${ident(owner)} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${ident(owner)} IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${app}`,
  ];
}

/** Creates or updates the app role on the database of `ownerUrl`, then installs the queue as that role. */
export async function setUpAppRole(ownerUrl: string, opts: AppRoleOptions): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ database: string; owner: string; queue: string | null }>(
      `SELECT current_database() AS database, current_user AS owner, to_regclass('${QUEUE_SCHEMA}.version')::text AS queue`,
    );
    const who = rows[0];
    if (!who) throw new Error("could not read the current database and user");
    if (who.owner === opts.role)
      throw new Error(
        `Connected as ${opts.role}: run db:roles with the owner's DATABASE_URL, not the app role's.`,
      );
    await client.query("BEGIN");
    try {
      for (const sql of appRoleStatements(who.database, who.owner, opts)) await client.query(sql);
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK");
      throw err;
    }
    if (who.queue) return;
    if (opts.password === null) {
      throw new Error(
        `The job queue (schema ${QUEUE_SCHEMA}) is not installed yet: run db:roles once with ORGLENS_APP_DB_PASSWORD set, so it can be installed as ${opts.role}.`,
      );
    }
    const database = ident(who.database);
    await client.query(`GRANT CREATE ON DATABASE ${database} TO ${ident(opts.role)}`);
    try {
      const appUrl = new URL(ownerUrl);
      appUrl.username = opts.role;
      appUrl.password = opts.password;
      const boss = new PgBoss({
        connectionString: appUrl.toString(),
        schema: QUEUE_SCHEMA,
        max: 1,
        supervise: false,
        schedule: false,
      });
      await boss.start();
      await boss.stop({ graceful: false, wait: true });
    } finally {
      await client.query(`REVOKE CREATE ON DATABASE ${database} FROM ${ident(opts.role)}`);
    }
  } finally {
    await client.end();
  }
}
