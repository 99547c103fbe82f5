// Writes one snapshot in one transaction: readers see the previous run's data or this one's, never half,
// and never a demo snapshot over real data or the reverse (./data-source).
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TSettings } from "@/lib/domain/settings";
import type { TSnapshot } from "@/lib/domain/snapshot";
import { storeCommitments } from "./commitments";
import { storeCosts } from "./costs";
import { monthTotals, recordRefetch } from "./cost-refetch";
import { assertSameDataWorld } from "./data-source";
import { storeEvidence } from "./evidence";
import { storeOrganization } from "./org";
import { lockFindings } from "@/lib/collect/findings/findings-lock";

export interface StoreOptions {
  settings: TSettings;
  /** The run whose staged cost rows (./cost-staging) this store moves into the cost tables; late-correction
   * refetches are recorded against it. */
  runId: string;
  /** Extra writes that must commit atomically with the snapshot (findings, KPIs). */
  after?: (tx: Prisma.TransactionClient) => Promise<void>;
}

export async function storeSnapshot(db: Db, snap: TSnapshot, opts: StoreOptions): Promise<void> {
  const at = new Date(snap.collectedAt);
  await db.$transaction(
    async (tx) => {
      await lockFindings(tx);
      await assertSameDataWorld(tx, snap.source);
      await storeOrganization(tx, snap, at, opts.settings);
      const refetched = snap.costs.refetch?.months ?? [];
      const before = await monthTotals(tx, snap.source, refetched);
      await storeCosts(tx, snap, opts.runId);
      await recordRefetch(tx, snap, opts.runId, before);
      await storeCommitments(tx, snap);
      await storeEvidence(tx, snap, at);
      if (opts.after) await opts.after(tx);
    },
    // Large organizations write millions of cost rows: allow long transactions.
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}
