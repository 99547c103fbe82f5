// A month's chargeback computed from the current data, settings and rules (not what was issued).
// No "server-only": shared with the CLI exports and the period close.
import { computeChargeback } from "@/lib/domain/allocation/compute-chargeback";
import type { RuleVersion } from "@/lib/domain/allocation/rules";
import type { ChargebackResult } from "@/lib/domain/allocation/types";
import { loadAllocationRules } from "./load-allocation-rules";
import type { ChargebackConfig, TxDb } from "./load-chargeback-settings";
import { loadMonthInput, type AccountMeta } from "./load-month-input";

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
  const inForce = rules ?? (await loadAllocationRules(db, month));
  const { input, meta, hasData, estimated } = await loadMonthInput(db, month, config, inForce);
  return { month, result: computeChargeback(input), meta, hasData, estimated };
}
