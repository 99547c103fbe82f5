// Shared-cost rules with all their versions, and the first month a change may start from (after the
// last closed month; with none closed, the first month with cost data).
import "server-only";
import type { Scope } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { firstEditableMonth } from "@/lib/domain/allocation/adjustments";
import { ZRuleList, type TRuleList } from "@/lib/api/chargeback";
import { groupBy } from "@/lib/domain/collections";
import { monthOf } from "@/lib/domain/months";
import { loadAllocationRules, type StoredRuleVersion } from "./load-allocation-rules";
import { loadClosedMonths } from "./load-closed-months";
import { visibleAllocationIds, type VisibleIds } from "./visible-allocation-ids";

/** `visible` null = the whole rule; else only the accounts, OUs and cost centers the caller may see. */
const view = (v: StoredRuleVersion, visible: VisibleIds | null) => ({
  version: v.version,
  name: v.name,
  sourceAccounts: visible
    ? v.sourceAccounts.filter((id) => visible.accounts.has(id))
    : v.sourceAccounts,
  sourceServices: v.sourceServices,
  method: v.method,
  targets: visible
    ? v.targets.filter((t) =>
        t.kind === "ou" ? visible.ous.has(t.id) : visible.costCenters.has(t.id),
      )
    : v.targets,
  validFrom: v.validFrom,
  validTo: v.validTo,
  createdAt: v.createdAt,
  createdBy: v.createdBy,
  retiredAt: v.retiredAt,
});

/** An OU-scoped caller sees the rules with the accounts, OUs and cost centers outside their scope left out. */
export async function listAllocationRules(
  db: Db,
  scope: Scope,
  now = new Date(),
): Promise<TRuleList> {
  const [versions, closed, earliest, visible] = await Promise.all([
    loadAllocationRules(db),
    loadClosedMonths(db),
    db.costMonthly.findFirst({ orderBy: { month: "asc" }, select: { month: true } }),
    visibleAllocationIds(db, scope),
  ]);
  const current = monthOf(now);
  const rules = [...groupBy(versions, (v) => v.ruleKey)].flatMap(([ruleKey, vs]) => {
    const latest = vs.at(-1);
    if (!latest) return [];
    const status = latest.retiredAt
      ? ("retired" as const)
      : latest.validFrom > current && vs.length === 1
        ? ("scheduled" as const)
        : ("active" as const);
    return [
      {
        ruleKey,
        status,
        current: view(latest, visible),
        versions: vs.map((v) => view(v, visible)).reverse(),
      },
    ];
  });
  rules.sort(
    (a, b) =>
      Number(a.status === "retired") - Number(b.status === "retired") ||
      a.ruleKey.localeCompare(b.ruleKey),
  );
  return ZRuleList.parse({
    rules,
    redacted: visible !== null,
    firstEditableMonth: firstEditableMonth(
      new Set(closed.keys()),
      earliest ? monthOf(earliest.month) : current,
    ),
  });
}
