// Edits a rule by adding a version from a month on; the previous version ends the month before.
// Earlier months keep the version they were charged with.
import "server-only";
import type { z } from "zod";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import type { ZRuleSave } from "@/lib/api/chargeback";
import { addMonths } from "@/lib/domain/months";
import { formatMonth } from "@/lib/format/money";
import { conflict, notFound } from "@/lib/errors";
import { checkRuleChange } from "./check-rule-change";

export async function reviseAllocationRule(
  db: Db,
  principal: Pick<Principal, "email" | "scope">,
  ruleKey: string,
  input: z.infer<typeof ZRuleSave>,
) {
  const { rule, validFrom } = input;
  const from = new Date(`${validFrom}T00:00:00Z`);
  return db.$transaction(async (tx) => {
    const latest = await tx.allocationRule.findFirst({
      where: { ruleKey },
      orderBy: { version: "desc" },
    });
    if (!latest) throw notFound("No such rule.");
    if (latest.retiredAt) throw conflict("This rule is retired; create a new rule instead.");
    const latestFrom = latest.validFrom.toISOString().slice(0, 10);
    if (validFrom <= latestFrom)
      throw conflict(
        `A new version must start after ${formatMonth(latestFrom)}, when version ${latest.version} starts.`,
      );
    await checkRuleChange(tx, principal, validFrom, rule);
    const end = new Date(`${addMonths(validFrom, -1)}T00:00:00Z`);
    if (!latest.validTo || latest.validTo > end)
      await tx.allocationRule.update({ where: { id: latest.id }, data: { validTo: end } });
    const version = latest.version + 1;
    await tx.allocationRule.create({
      data: {
        ruleKey,
        version,
        ...rule,
        validFrom: from,
        validTo: null,
        createdBy: principal.email,
      },
    });
    const previous = {
      name: latest.name,
      method: latest.method,
      sourceAccounts: latest.sourceAccounts,
      sourceServices: latest.sourceServices,
      targets: latest.targets,
    };
    await tx.auditEvent.create({
      data: {
        actor: principal.email,
        action: "chargeback.rule.revise",
        target: ruleKey,
        detail: { version, validFrom, ...rule, previous },
      },
    });
    return { ruleKey, version };
  });
}
