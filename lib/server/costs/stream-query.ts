// Rows of a Prisma SQL fragment as they arrive, through the shared export pool (lib/db/export-stream):
// exports never hold a whole result in memory, and never starve Prisma's own pool.
import "server-only";
import { streamRows } from "@/lib/db/export-stream";
import type { Prisma } from "@/lib/generated/prisma/client";

export function streamQuery(databaseUrl: string, sql: Prisma.Sql, batchSize = 200): AsyncGenerator<unknown> {
  return streamRows(databaseUrl, sql.text, sql.values, batchSize);
}
