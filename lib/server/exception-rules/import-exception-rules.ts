// Imports a YAML list of rules as the complete set the caller manages: rules are matched by name,
// created, updated or (absent from the file) deleted. All or nothing: one bad rule and nothing
// changes (422 with the line, rule and field of each problem). A dry run only reports the changes.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import type {
  TExceptionRuleImportResult,
  TExceptionRuleInput,
  TYamlError,
} from "@/lib/api/exception-rules";
import { applyExceptionRules } from "@/lib/collect/findings/apply-exceptions";
import { AppError } from "@/lib/errors";
import { auditExceptionRule } from "./audit-exception-rule";
import { checkRuleTarget } from "./check-rule-target";
import { ruleInput } from "./rule-snapshot";
import { visibleRulesWhere } from "./rule-visibility";
import { parseRulesYaml } from "./rules-yaml";
import { lockFindings } from "@/lib/collect/findings/findings-lock";

const sameRule = (a: TExceptionRuleInput, b: TExceptionRuleInput) =>
  JSON.stringify(ruleInput(a)) === JSON.stringify(ruleInput(b));

const rejected = (errors: TYamlError[]) =>
  new AppError(
    "IMPORT_ROWS_INVALID",
    `The file has ${errors.length} problem${errors.length === 1 ? "" : "s"}; nothing was imported.`,
    { errors },
  );

export async function importExceptionRules(
  db: Db,
  actor: Pick<Principal, "email" | "scope">,
  body: { yaml: string; dryRun: boolean },
): Promise<TExceptionRuleImportResult> {
  const parsed = parseRulesYaml(body.yaml);
  if (!parsed.ok) throw rejected(parsed.errors);
  return db.$transaction(async (tx) => {
    await lockFindings(tx);
    const managed = await tx.exceptionRule.findMany({
      where: await visibleRulesWhere(tx, actor.scope),
    });
    const managedByName = new Map(managed.map((r) => [r.name, r]));
    const taken = new Set(
      (
        await tx.exceptionRule.findMany({
          where: { name: { in: parsed.rules.map((r) => r.name) } },
          select: { name: true },
        })
      ).map((r) => r.name),
    );
    const errors: TYamlError[] = [];
    for (const [i, rule] of parsed.rules.entries()) {
      const line = parsed.lines[i] ?? null;
      const problem = await checkRuleTarget(tx, actor.scope, rule);
      if (problem)
        errors.push({
          line,
          rule: rule.name,
          field: { checkId: "check", accountId: "account", ouId: "ou" }[problem.field],
          message: problem.message,
        });
      if (taken.has(rule.name) && !managedByName.has(rule.name))
        errors.push({
          line,
          rule: rule.name,
          field: "name",
          message: "The name belongs to a rule outside your OUs.",
        });
    }
    if (errors.length) throw rejected(errors);

    const inFile = new Set(parsed.rules.map((r) => r.name));
    const creates = parsed.rules.filter((r) => !managedByName.has(r.name));
    const updates = parsed.rules.flatMap((r) => {
      const existing = managedByName.get(r.name);
      return existing && !sameRule(existing, r) ? [{ id: existing.id, rule: r }] : [];
    });
    const deletes = managed.filter((r) => !inFile.has(r.name));
    const unchanged = parsed.rules.length - creates.length - updates.length;
    const changes = [
      ...creates.map((r) => ({ name: r.name, action: "create" as const })),
      ...updates.map((u) => ({ name: u.rule.name, action: "update" as const })),
      ...deletes.map((r) => ({ name: r.name, action: "delete" as const })),
      ...parsed.rules
        .filter((r) => {
          const existing = managedByName.get(r.name);
          return existing !== undefined && sameRule(existing, r);
        })
        .map((r) => ({ name: r.name, action: "unchanged" as const })),
    ];
    const result = {
      changes,
      created: creates.length,
      updated: updates.length,
      deleted: deletes.length,
      unchanged,
    };
    if (body.dryRun) return { applied: false, ...result };

    for (const r of creates)
      await tx.exceptionRule.create({ data: { ...r, createdBy: actor.email } });
    for (const u of updates) await tx.exceptionRule.update({ where: { id: u.id }, data: u.rule });
    const gone = new Set(deletes.map((r) => r.id));
    const applied = await applyExceptionRules(tx, {
      now: new Date(),
      runId: null,
      actor: actor.email,
      without: gone,
    });
    if (gone.size) await tx.exceptionRule.deleteMany({ where: { id: { in: [...gone] } } });
    await auditExceptionRule(tx, {
      actor: actor.email,
      action: "settings.exception_rule.import",
      target: null,
      detail: {
        created: creates.map((r) => r.name),
        updated: updates.map((u) => u.rule.name),
        deleted: deletes.map((r) => r.name),
        unchanged,
        ...applied,
      },
    });
    return { applied: true, ...result };
  });
}
