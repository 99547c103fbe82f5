// Rows of a query as they arrive (a server-side cursor), for exports that must never hold a whole
// result in memory. Its own small pool per database: a long download must not starve Prisma's.
import "server-only";
import pg from "pg";
import QueryStream from "pg-query-stream";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/server/logger";

declare global {
  var orglensStreamPools: Map<string, pg.Pool> | undefined;
}

function poolFor(databaseUrl: string): pg.Pool {
  const pools = (globalThis.orglensStreamPools ??= new Map<string, pg.Pool>());
  let pool = pools.get(databaseUrl);
  if (!pool) {
    pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    // An idle connection dropped by the server (restart, failover) must not crash the process.
    pool.on("error", (err: Error) => logger.warn({ err }, "export connection closed by the database"));
    pools.set(databaseUrl, pool);
  }
  return pool;
}

export async function* streamQuery(databaseUrl: string, sql: Prisma.Sql, batchSize = 200): AsyncGenerator<unknown> {
  const client = await poolFor(databaseUrl).connect();
  let finished = false;
  try {
    const stream = client.query(new QueryStream(sql.text, sql.values, { batchSize }));
    try {
      for await (const row of stream) yield row;
      finished = true;
    } finally {
      if (!finished) stream.destroy();
    }
  } finally {
    // A connection left mid-cursor (reader went away, query failed) is discarded, not reused.
    client.release(!finished);
  }
}
