// Accounts of a run whose audit job failed for good (retries exhausted), with the last error.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { AUDIT_QUEUE } from "./queue";

const ZRow = z.object({ account_id: z.string(), output: z.unknown() });

export async function failedJobs(db: Db, runId: string): Promise<Map<string, string>> {
  const rows = z
    .array(ZRow)
    .parse(
      await db.$queryRaw`SELECT data->>'accountId' AS account_id, output FROM pgboss.job WHERE name = ${AUDIT_QUEUE} AND data->>'runId' = ${runId} AND state = 'failed'`,
    );
  return new Map(
    rows.map((r) => [
      r.account_id,
      `audit job failed after its retries: ${JSON.stringify(r.output ?? null).slice(0, 500)}`,
    ]),
  );
}
