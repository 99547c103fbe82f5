import "server-only";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { accountScope } from "@/lib/server/scope";

/** Copies monthly AWS Budgets (collected per account) into OrgLens account budgets, once each; a scoped admin imports their accounts' only. */
export async function importAwsBudgets(db: Db, principal: Principal) {
  const visible = principal.scope.ouIds
    ? (
        await db.account.findMany({ where: accountScope(principal.scope), select: { id: true } })
      ).map((a) => a.id)
    : null;
  const aws = await db.awsBudget.findMany({
    where: { timeUnit: "MONTHLY", ...(visible ? { accountId: { in: visible } } : {}) },
  });
  const existing = await db.budget.findMany({
    where: { source: "aws" },
    select: { scopeId: true, name: true },
  });
  const have = new Set(existing.map((b) => `${b.scopeId}|${b.name}`));
  const fresh = aws.filter((b) => !have.has(`${b.accountId}|${b.name}`));
  await db.budget.createMany({
    data: fresh.map((b) => ({
      name: b.name,
      scopeType: "account",
      scopeId: b.accountId,
      monthlyAmount: b.limit.toFixed(2),
      source: "aws",
    })),
  });
  await recordAuditEvent(
    {
      actor: principal.email,
      action: "budgets.import_aws",
      target: null,
      detail: { imported: fresh.length },
    },
    db,
  );
  return { imported: fresh.length };
}
