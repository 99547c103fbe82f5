// "Sync now" on the requests page: the same step every collection run ends with, on demand.
import "server-only";
import { syncAccountRequests as syncWithCollectedAccounts } from "@/lib/collect/requests/sync-account-requests";
import type { Db } from "@/lib/db/client";

export function syncAccountRequests(db: Db): Promise<{ provisioned: number; compliant: number }> {
  return syncWithCollectedAccounts(db);
}
