// A month's chargeback computed from the current data, settings and rules (not what was issued).
// No "server-only": shared with the CLI exports and the period close.
import { computeChargeback } from "@/lib/domain/allocation/compute-chargeback";
import type { RuleVersion } from "@/lib/domain/allocation/rules";
import type { ChargebackResult } from "@/lib/domain/allocation/types";
import { loadAllocationRules } from "./load-allocation-rules";
import type { ChargebackConfig, TxDb } from "./load-chargeback-settings";
import { loadMonthInput, type AccountMeta } from "./load-month-input";
import { ZChargePolicies, type TChargePolicies } from "@/lib/domain/allocation/charge-policy";

export interface LiveMonth {
  month: string;
  result: ChargebackResult;
  meta: Map<string, AccountMeta>;
  hasData: boolean;
  estimated: boolean;
}

/** `rules` replaces the stored versions (the preview of a draft rule). */
export async function computeLiveMonth(
  db: TxDb,
  month: string,
  config: ChargebackConfig,
  rules?: readonly RuleVersion[],
): Promise<LiveMonth> {
  const [inForce, issuedWith] = await Promise.all([
    rules ?? loadAllocationRules(db, month),
    closedPolicies(db, month),
  ]);
  // A closed month keeps the charge policies it was issued with (its corrections too).
  const cfg = issuedWith ? { ...config, chargebackChargePolicies: issuedWith } : config;
  const { input, meta, hasData, estimated } = await loadMonthInput(db, month, cfg, inForce);
  return { month, result: computeChargeback(input), meta, hasData, estimated };
}

async function closedPolicies(db: TxDb, month: string): Promise<TChargePolicies | null> {
  const row = await db.closedPeriod.findFirst({
    where: { month: new Date(`${month}T00:00:00Z`), reopenedAt: null },
    select: { chargePolicies: true },
  });
  const parsed = ZChargePolicies.safeParse(row?.chargePolicies);
  return row?.chargePolicies && parsed.success ? parsed.data : null;
}
