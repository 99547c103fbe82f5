// What a worker stores for one account of a run, and reads back by the coordinator. The insert is
// idempotent: a retried job (its first worker presumed dead but still alive) never stores twice.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { ZJson } from "@/lib/domain/json";
import { ZAccountAudit, ZBucket, type TAccountAudit, type TBucket } from "@/lib/domain/snapshot";
import type { RunNote } from "@/lib/collect/sources/aws/notes";

export const ZStoredAudit = z.object({
  audit: ZAccountAudit,
  bucketNames: z.array(z.string()),
  /** The account's own trail buckets, read by the worker (absent from an older worker's result). */
  buckets: z.array(ZBucket).optional(),
  notes: z.array(z.object({ accountId: z.string(), phase: z.string(), message: z.string() })),
  apiRequests: z.record(z.string(), z.number().int().min(0)),
});
export type TStoredAudit = z.infer<typeof ZStoredAudit>;

export interface StoredAuditRow extends TStoredAudit {
  accountId: string;
  worker: string;
}

/** True when this call stored the result, false when the account already had one for the run. */
export async function storeAccountAudit(
  db: Db,
  runId: string,
  worker: string,
  result: {
    audit: TAccountAudit;
    bucketNames: string[];
    buckets: TBucket[];
    notes: RunNote[];
    apiRequests: Record<string, number>;
  },
): Promise<boolean> {
  const stored = ZStoredAudit.parse(result);
  const { count } = await db.runAccountAudit.createMany({
    data: [
      {
        runId,
        accountId: stored.audit.accountId,
        worker,
        result: ZJson.parse(JSON.parse(JSON.stringify(stored))),
      },
    ],
    skipDuplicates: true,
  });
  return count === 1;
}

export async function countAccountAudits(db: Db, runId: string): Promise<number> {
  return db.runAccountAudit.count({ where: { runId } });
}

export async function listAccountAudits(db: Db, runId: string): Promise<StoredAuditRow[]> {
  const rows = await db.runAccountAudit.findMany({
    where: { runId },
    orderBy: { accountId: "asc" },
  });
  return rows.map((r) => ({
    accountId: r.accountId,
    worker: r.worker,
    ...ZStoredAudit.parse(r.result),
  }));
}
