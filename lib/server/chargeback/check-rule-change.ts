// Guards shared by every rule change: unscoped admins only, no change reaching into a closed
// month, and sources and OU targets that exist.
import "server-only";
import type { Principal } from "@/lib/domain/access";
import { firstEditableMonth } from "@/lib/domain/allocation/adjustments";
import type { TRuleDraft } from "@/lib/domain/allocation/rules";
import { addMonths } from "@/lib/domain/months";
import { formatMonth } from "@/lib/format/money";
import { AppError, conflict, forbidden } from "@/lib/errors";
import type { TxDb } from "./load-chargeback-settings";
import { loadClosedMonths } from "./load-closed-months";

export async function checkRuleChange(
  db: TxDb,
  principal: Pick<Principal, "scope">,
  from: string,
  rule?: TRuleDraft,
): Promise<void> {
  if (principal.scope.ouIds)
    throw forbidden(
      "Shared-cost rules apply to the whole organization; an OU-scoped admin cannot change them.",
    );
  const closed = await loadClosedMonths(db);
  const first = firstEditableMonth(new Set(closed.keys()), from);
  if (from < first)
    throw conflict(
      `${formatMonth(first)} is the first month a change can start from: ${formatMonth(addMonths(first, -1))} and earlier are closed.`,
    );
  if (!rule) return;
  const accounts = await db.account.count({ where: { id: { in: rule.sourceAccounts } } });
  if (accounts !== new Set(rule.sourceAccounts).size)
    throw new AppError("UNKNOWN_SOURCE_ACCOUNT", "A source account is not in the organization.");
  const ouIds = rule.targets.filter((t) => t.kind === "ou").map((t) => t.id);
  const ous = await db.orgUnit.count({ where: { id: { in: ouIds } } });
  if (ous !== new Set(ouIds).size) throw new AppError("UNKNOWN_OU", "A target OU does not exist.");
}
