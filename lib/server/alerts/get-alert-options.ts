// What an alert rule can filter on: check ids, categories, severities, and the OUs in the caller's
// scope (a scoped admin writes rules for their own OU subtrees only).
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/domain/access";
import { ALL_CHECKS } from "@/lib/domain/checks";
import { CATEGORIES, SEVERITIES } from "@/lib/domain/checks/types";
import { listOuOptions } from "@/lib/server/org/list-ou-options";

export async function getAlertOptions(db: Db, scope: Scope) {
  const ous = await listOuOptions(db, scope);
  const checkIds = ALL_CHECKS.map((c) => c.definition.id).sort();
  return { checkIds, categories: CATEGORIES, severities: SEVERITIES, ous };
}
