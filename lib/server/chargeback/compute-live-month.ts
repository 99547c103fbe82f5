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
  const [inForce, issued] = await Promise.all([
    rules ?? loadAllocationRules(db, month),
    closedPolicies(db, month),
  ]);
  // A closed month keeps the charge policies it was issued with (its corrections too).
  const cfg = issued.policies ? { ...config, chargebackChargePolicies: issued.policies } : config;
  const loaded = await loadMonthInput(db, month, cfg, inForce);
  // A month closed before charge policies existed was issued with every charge counted as usage:
  // its corrections are computed the same way, so no policy re-charges it.
  const input = issued.closed && !issued.policies ? { ...loaded.input, charges: [] } : loaded.input;
  const { meta, hasData, estimated } = loaded;
  return { month, result: computeChargeback(input), meta, hasData, estimated };
}

async function closedPolicies(
  db: TxDb,
  month: string,
): Promise<{ closed: boolean; policies: TChargePolicies | null }> {
  const row = await db.closedPeriod.findFirst({
    where: { month: new Date(`${month}T00:00:00Z`), reopenedAt: null },
    select: { chargePolicies: true },
  });
  const parsed = ZChargePolicies.safeParse(row?.chargePolicies);
  return {
    closed: row !== null,
    policies: row?.chargePolicies && parsed.success ? parsed.data : null,
  };
}
