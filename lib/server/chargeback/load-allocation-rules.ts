// Rule versions from the allocation_rule table as plain domain values. No "server-only" (CLI too).
import { z } from "zod";
import { ZRuleTarget, type RuleVersion, type TRuleMethod } from "@/lib/domain/allocation/rules";
import { RULE_METHODS } from "@/lib/domain/allocation/rules";
import type { TxDb } from "./load-chargeback-settings";

const ZTargets = z.array(ZRuleTarget);
const ZMethod = z.enum(RULE_METHODS);
const iso = (d: Date) => d.toISOString().slice(0, 10);

export interface StoredRuleVersion extends RuleVersion {
  id: string;
  createdAt: string;
  createdBy: string;
  retiredAt: string | null;
}

/** All versions (optionally only those in force for `month`), oldest first per rule key. */
export async function loadAllocationRules(db: TxDb, month?: string): Promise<StoredRuleVersion[]> {
  const at = month ? new Date(`${month}T00:00:00Z`) : undefined;
  const rows = await db.allocationRule.findMany({
    where: at ? { validFrom: { lte: at }, OR: [{ validTo: null }, { validTo: { gte: at } }] } : {},
    orderBy: [{ ruleKey: "asc" }, { version: "asc" }],
  });
  return rows.map((r) => {
    const method: TRuleMethod = ZMethod.parse(r.method);
    return {
      id: r.id,
      ruleKey: r.ruleKey,
      version: r.version,
      name: r.name,
      sourceAccounts: r.sourceAccounts,
      sourceServices: r.sourceServices,
      method,
      targets: ZTargets.parse(r.targets),
      validFrom: iso(r.validFrom),
      validTo: r.validTo ? iso(r.validTo) : null,
      createdAt: r.createdAt.toISOString(),
      createdBy: r.createdBy,
      retiredAt: r.retiredAt?.toISOString() ?? null,
    };
  });
}
