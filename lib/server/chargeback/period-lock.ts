// Closing and re-opening a month change the whole organization's books: only an org-wide admin may,
// and one change at a time, under a transaction-scoped advisory lock.
import "server-only";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import type { TxDb } from "./load-chargeback-settings";
import { loadClosedMonths, type ClosedMonth } from "./load-closed-months";

export const PERIOD_LOCK = 7_243_001;

const VERBS = {
  close: { gerund: "Closing", verb: "close" },
  reopen: { gerund: "Re-opening", verb: "re-open" },
} as const;

export function changePeriod<T>(
  db: Db,
  principal: Pick<Principal, "scope">,
  change: keyof typeof VERBS,
  timeoutMs: number,
  work: (tx: TxDb, closed: Map<string, ClosedMonth>) => Promise<T>,
): Promise<T> {
  const { gerund, verb } = VERBS[change];
  if (principal.scope.ouIds)
    throw forbidden(
      `${gerund} a month affects the whole organization; an OU-scoped admin cannot ${verb} it.`,
    );
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(${PERIOD_LOCK})::text`;
      return work(tx, await loadClosedMonths(tx));
    },
    { timeout: timeoutMs, maxWait: 30_000 },
  );
}
