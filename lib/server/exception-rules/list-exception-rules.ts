// The exception rules a caller manages, each with the open findings it excepts now and its state
// (expiring within 30 days, lapsed, review due).
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/domain/access";
import { checkDefinition } from "@/lib/domain/checks";
import { ruleState } from "@/lib/domain/exceptions/match";
import { ZExceptionRuleList, type TExceptionRuleList } from "@/lib/api/exception-rules";
import { visibleRulesWhere } from "./rule-visibility";

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function listExceptionRules(
  db: Db,
  scope: Scope,
  now = new Date(),
): Promise<TExceptionRuleList> {
  const rules = await db.exceptionRule.findMany({
    where: await visibleRulesWhere(db, scope),
    orderBy: { name: "asc" },
  });
  const ids = rules.map((r) => r.id);
  const [covered, accounts, ous] = await Promise.all([
    db.finding.groupBy({
      by: ["exceptionRuleId"],
      where: { status: "open", exceptionRuleId: { in: ids } },
      _count: { _all: true },
    }),
    db.account.findMany({
      where: { id: { in: rules.flatMap((r) => (r.accountId ? [r.accountId] : [])) } },
      select: { id: true, name: true },
    }),
    db.orgUnit.findMany({
      where: { id: { in: rules.flatMap((r) => (r.ouId ? [r.ouId] : [])) } },
      select: { id: true, path: true },
    }),
  ]);
  const countOf = new Map(covered.map((c) => [c.exceptionRuleId, c._count._all]));
  const accountName = new Map(accounts.map((a) => [a.id, a.name]));
  const ouPath = new Map(ous.map((o) => [o.id, o.path]));
  return ZExceptionRuleList.parse({
    canTargetOrganization: scope.ouIds === null,
    rules: rules.map((r) => ({
      id: r.id,
      name: r.name,
      checkId: r.checkId,
      checkTitle: checkDefinition(r.checkId)?.title ?? r.checkId,
      accountId: r.accountId,
      accountName: r.accountId ? (accountName.get(r.accountId) ?? null) : null,
      ouId: r.ouId,
      ouPath: r.ouId ? (ouPath.get(r.ouId) ?? null) : null,
      resourcePattern: r.resourcePattern,
      reason: r.reason,
      owner: r.owner,
      expiresAt: iso(r.expiresAt),
      reviewAt: iso(r.reviewAt),
      state: ruleState(r, now),
      covered: countOf.get(r.id) ?? 0,
      createdBy: r.createdBy,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
  });
}
