// Retires a rule from a month on: its latest version ends the month before (it may then never
// apply, when it had not started yet). Earlier months keep being charged with it.
import "server-only";
import type { z } from "zod";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import type { ZRuleRetire } from "@/lib/api/chargeback";
import { addMonths } from "@/lib/domain/months";
import { conflict, notFound } from "@/lib/errors";
import { checkRuleChange } from "./check-rule-change";

export async function retireAllocationRule(
  db: Db,
  principal: Pick<Principal, "email" | "scope">,
  ruleKey: string,
  input: z.infer<typeof ZRuleRetire>,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const latest = await tx.allocationRule.findFirst({
      where: { ruleKey },
      orderBy: { version: "desc" },
    });
    if (!latest) throw notFound("No such rule.");
    if (latest.retiredAt) throw conflict("This rule is already retired.");
    await checkRuleChange(tx, principal, input.from);
    const end = new Date(`${addMonths(input.from, -1)}T00:00:00Z`);
    const validTo = latest.validTo && latest.validTo < end ? latest.validTo : end;
    await tx.allocationRule.update({ where: { id: latest.id }, data: { validTo, retiredAt: now } });
    await tx.auditEvent.create({
      data: {
        actor: principal.email,
        action: "chargeback.rule.retire",
        target: ruleKey,
        detail: { version: latest.version, from: input.from },
      },
    });
    return { ruleKey, version: latest.version, retiredFrom: input.from };
  });
}
