// Rows of a query as they arrive (a server-side cursor), for exports that must never hold a whole
// result in memory. Every export stream of a process shares one small pool per database: a burst of
// downloads waits for a free connection instead of opening new ones, and never starves Prisma's pool.
// No "server-only": the CLI exports (`npm run focus:export`) read through it too.
import pg from "pg";
import QueryStream from "pg-query-stream";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Export connections per database and process; further exports wait for one. */
export const EXPORT_POOL_MAX = 4;
/** How long an export waits for a free connection before failing with a clear message. */
const CONNECT_TIMEOUT_MS = 30_000;

declare global {
  var orglensExportPools: Map<string, pg.Pool> | undefined;
}

function exportPool(databaseUrl: string): pg.Pool {
  const pools = (globalThis.orglensExportPools ??= new Map<string, pg.Pool>());
  let pool = pools.get(databaseUrl);
  if (!pool) {
    pool = new pg.Pool({
      connectionString: databaseUrl,
      max: EXPORT_POOL_MAX,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      application_name: "orglens-export",
      allowExitOnIdle: true,
    });
    // An idle connection dropped by the server (restart, failover) must not crash the process.
    pool.on("error", (err: Error) =>
      console.warn(`export connection closed by the database: ${err.message}`),
    );
    pools.set(databaseUrl, pool);
  }
  return pool;
}

/** A pooled connection for one export; `release(true)` discards one left mid-cursor. */
export async function connectExport(databaseUrl: string): Promise<pg.PoolClient> {
  try {
    return await exportPool(databaseUrl).connect();
  } catch (err) {
    throw new Error("Too many exports are running; try again in a minute.", { cause: err });
  }
}

/** Streams the rows of one query on a connection the caller holds. */
export async function* queryRows(
  client: pg.ClientBase,
  text: string,
  values: unknown[],
  batchSize = 200,
): AsyncGenerator<unknown> {
  const stream = client.query(new QueryStream(text, values, { batchSize }));
  try {
    for await (const row of stream) yield row;
  } finally {
    stream.destroy();
  }
}

/** Streams one query on its own pooled connection, released when the rows end or the reader leaves. */
export async function* streamRows(
  databaseUrl: string,
  text: string,
  values: unknown[],
  batchSize = 200,
): AsyncGenerator<unknown> {
  const client = await connectExport(databaseUrl);
  let finished = false;
  try {
    for await (const row of queryRows(client, text, values, batchSize)) yield row;
    finished = true;
  } finally {
    // A connection left mid-cursor (reader went away, query failed) is discarded, not reused.
    client.release(!finished);
  }
}

/** The one stream helper for exports: a Prisma SQL fragment's rows through the shared export pool. */
export function streamSql(
  databaseUrl: string,
  sql: Prisma.Sql,
  batchSize = 200,
): AsyncGenerator<unknown> {
  return streamRows(databaseUrl, sql.text, sql.values, batchSize);
}
