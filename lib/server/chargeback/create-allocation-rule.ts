// Creates a shared-cost rule (version 1) from a month on; audited with the rule as saved.
import "server-only";
import type { z } from "zod";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import type { ZRuleSave } from "@/lib/api/chargeback";
import { ruleKeyFromName } from "@/lib/domain/allocation/rules";
import { checkRuleChange } from "./check-rule-change";

export async function createAllocationRule(
  db: Db,
  principal: Pick<Principal, "email" | "scope">,
  input: z.infer<typeof ZRuleSave>,
) {
  const { rule, validFrom } = input;
  return db.$transaction(async (tx) => {
    await checkRuleChange(tx, principal, validFrom, rule);
    const base = ruleKeyFromName(rule.name);
    const taken = new Set(
      (
        await tx.allocationRule.findMany({
          where: { ruleKey: { startsWith: base } },
          select: { ruleKey: true },
          distinct: ["ruleKey"],
        })
      ).map((r) => r.ruleKey),
    );
    let ruleKey = base;
    for (let n = 2; taken.has(ruleKey); n++) ruleKey = `${base}-${n}`;
    const saved = await tx.allocationRule.create({
      data: {
        ruleKey,
        version: 1,
        ...rule,
        validFrom: new Date(`${validFrom}T00:00:00Z`),
        validTo: null,
        createdBy: principal.email,
      },
    });
    await tx.auditEvent.create({
      data: {
        actor: principal.email,
        action: "chargeback.rule.create",
        target: ruleKey,
        detail: { version: 1, validFrom, ...rule },
      },
    });
    return { ruleKey, version: saved.version };
  });
}
