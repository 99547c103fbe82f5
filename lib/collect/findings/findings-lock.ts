// One writer of findings at a time: a run's store-and-evaluate transaction, the application of
// ingested CloudTrail events, and exception-rule changes each take this lock as their FIRST statement.
// Without it an event could insert a finding between a run's read of the stored findings and its
// insert of the same fingerprint (the run would fail on the unique index and lose its data), or a
// rule could be deleted while a run links findings to it. Taken before any row is written, so no
// transaction waits for it while holding rows another one needs: it cannot deadlock.
import type { Prisma } from "@/lib/generated/prisma/client";

/** Arbitrary but fixed key, distinct from the run lock's (lib/collect/run.ts). */
export const FINDINGS_LOCK_KEY = 4_224_002;

/**
 * Takes the findings lock if no one holds it. For work that must not wait behind a run's store
 * transaction (minutes at scale, longer than an interactive transaction may last): it is left for
 * later instead, and the run's after-run step picks it up.
 */
export async function tryLockFindings(tx: Prisma.TransactionClient): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ locked: boolean }[]>`
    SELECT pg_try_advisory_xact_lock(${FINDINGS_LOCK_KEY}::bigint) AS locked`;
  return row?.locked === true;
}

/** Waits for the findings lock; released when the transaction ends. */
export async function lockFindings(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(${FINDINGS_LOCK_KEY}::bigint)::text`;
}
