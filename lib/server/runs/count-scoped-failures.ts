// Per run: how many of the caller's accounts failed (what an OU-scoped caller sees instead of the total).
import "server-only";
import { z } from "zod";
import type { Scope } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { sqlAccountScope } from "@/lib/server/scope";

const ZRow = z.object({ run_id: z.string(), failed: z.number() });

export async function countScopedFailures(
  db: Db,
  scope: Scope,
  runIds: readonly string[],
): Promise<Map<string, number>> {
  if (runIds.length === 0) return new Map();
  const rows = await db.$queryRaw`
    SELECT run_id::text AS run_id, count(DISTINCT account_id)::int AS failed FROM run_account_error
    WHERE run_id = ANY(${[...runIds]}::uuid[]) ${sqlAccountScope(Prisma.raw("account_id"), scope)}
    GROUP BY run_id`;
  return new Map(
    z
      .array(ZRow)
      .parse(rows)
      .map((r) => [r.run_id, r.failed]),
  );
}
