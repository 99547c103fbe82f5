import "server-only";
import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { vendAccount, type VendingDeps } from "./vend-account";

/** Runs work after the HTTP response: the route passes Next's `after`, tests run it themselves. */
export type ScheduleJob = (job: () => Promise<void>) => void;

/** A scheduled vending run: its outcome lands in the request's step log, never in a response. */
export async function runVending(db: Db, requestId: string, deps?: VendingDeps): Promise<void> {
  try {
    const out = await vendAccount(db, requestId, deps);
    logger.info({ requestId, ...out }, "Account vending finished");
  } catch (err) {
    logger.error({ err, requestId }, "Account vending stopped unexpectedly");
    await db.accountRequest
      .updateMany({
        where: { id: requestId, vendingStatus: "running" },
        data: { vendingStatus: "failed" },
      })
      .catch((e: unknown) => logger.error({ err: e, requestId }, "Could not mark vending failed"));
  }
}
