// The rules a caller manages as YAML, to keep in a repository and import back.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/domain/access";
import { ruleInput } from "./rule-snapshot";
import { visibleRulesWhere } from "./rule-visibility";
import { stringifyRulesYaml } from "./rules-yaml";

export async function exportExceptionRules(db: Db, scope: Scope): Promise<string> {
  const rules = await db.exceptionRule.findMany({
    where: await visibleRulesWhere(db, scope),
    orderBy: { name: "asc" },
  });
  return stringifyRulesYaml(rules.map(ruleInput));
}
