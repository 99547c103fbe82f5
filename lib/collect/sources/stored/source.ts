// "Re-evaluate now": the run's source is the evidence the last collection stored, read back. The run
// engine never stores a re-evaluation's snapshot (lib/collect/run.ts), so it cannot replace or lose
// evidence: it only writes findings, KPIs and its own run row. The checks judge the evidence as of
// its collection (a key's age is what it was when read, not a guess about today), so an unchanged
// setting gives the findings the collection gave; the outcome is recorded at the re-evaluation.
import type { Source } from "@/lib/collect/collect";
import { STORED_RUN_STATUSES } from "@/lib/collect/store/data-source";
import type { Db } from "@/lib/db/client";
import { ACCOUNT_BASELINE } from "@/lib/domain/checks/account-baseline";
import { readStoredSnapshot } from "./read-stored-snapshot";

export const REEVALUATION_SOURCE = "re-evaluation";

/**
 * Checks fed by evidence the store does not keep (the account baseline controls and GuardDuty's
 * organization configuration live only in the collector's snapshot). They read no setting, so a
 * re-evaluation could not change their outcome: their findings are left exactly as they are.
 */
export const CHECKS_WITHOUT_STORED_EVIDENCE: readonly string[] = [ACCOUNT_BASELINE];

export function storedEvidenceSource(db: Db): Source {
  return {
    name: REEVALUATION_SOURCE,
    storedEvidence: { keepFindingsOf: CHECKS_WITHOUT_STORED_EVIDENCE },
    produce: async () => {
      const last = await db.collectionRun.findFirst({
        where: { status: { in: STORED_RUN_STATUSES }, source: { not: REEVALUATION_SOURCE } },
        orderBy: { startedAt: "desc" },
        select: { source: true },
      });
      const world = last?.source === "demo" ? "demo" : last?.source === "aws" ? "aws" : null;
      if (!world) throw new Error("No collected data to re-evaluate: run a collection first.");
      return readStoredSnapshot(db, world);
    },
  };
}
