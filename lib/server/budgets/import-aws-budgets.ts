import "server-only";
import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";

/** Copies monthly AWS Budgets (collected per account) into OrgLens account budgets, once each. */
export async function importAwsBudgets(db: Db, principal: Principal) {
  const aws = await db.awsBudget.findMany({ where: { timeUnit: "MONTHLY" } });
  const existing = await db.budget.findMany({ where: { source: "aws" }, select: { scopeId: true, name: true } });
  const have = new Set(existing.map((b) => `${b.scopeId}|${b.name}`));
  const fresh = aws.filter((b) => !have.has(`${b.accountId}|${b.name}`));
  await db.budget.createMany({ data: fresh.map((b) => ({ name: b.name, scopeType: "account", scopeId: b.accountId, monthlyAmount: b.limit.toFixed(2), source: "aws" })) });
  await recordAuditEvent({ actor: principal.email, action: "budgets.import_aws", target: null, detail: { imported: fresh.length } });
  return { imported: fresh.length };
}
