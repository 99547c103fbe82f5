import "server-only";
import type { Db } from "@/lib/db/client";
import type {
  TEffectiveTagPolicyView,
  TEffectiveTagRuleView,
  TTagPolicyOrigin,
  TTagPolicyValue,
} from "@/lib/api/org";
import {
  effectiveTagPolicy,
  type TEffectiveTagPolicy,
  type TEffectiveTagRule,
} from "@/lib/domain/org/effective-tag-policy";
import { ZPolicy } from "@/lib/domain/snapshot";
import type { Scope } from "@/lib/domain/access";
import { accountScope, ouScope } from "@/lib/server/scope";

export interface TTagPolicyTarget {
  kind: "ou" | "account";
  id: string;
}

type TListField = "values" | "enforcedFor" | "reportRequiredFor";

interface TPathStep {
  id: string;
  kind: TTagPolicyOrigin["targetKind"];
  name: string;
  /** Inside the caller's part of the organization (the root is named for everyone, as AWS names it). */
  visible: boolean;
}

/**
 * The tag policy in force on an OU (the root included) or an account, with the target each key, value
 * and resource type comes from; null when the target is unknown or outside the caller's scope.
 */
export async function getEffectiveTagPolicy(
  db: Db,
  scope: Scope,
  target: TTagPolicyTarget,
): Promise<TEffectiveTagPolicyView | null> {
  const located = await locate(db, scope, target);
  if (!located) return null;
  const { pathIds, name } = located;

  const [ous, stored] = await Promise.all([
    db.orgUnit.findMany({
      where: { id: { in: pathIds } },
      select: { id: true, name: true, parentId: true, pathIds: true },
    }),
    db.policy.findMany({
      where: { type: "TAG_POLICY", targets: { some: { targetId: { in: pathIds } } } },
      select: {
        id: true,
        name: true,
        description: true,
        awsManaged: true,
        content: true,
        targets: { select: { targetId: true, targetType: true } },
      },
    }),
  ]);
  // Stored documents are JSON (or the raw text when AWS sent something unparseable): the domain reads text.
  const policies = stored.map((p) =>
    ZPolicy.parse({
      ...p,
      type: "TAG_POLICY",
      content: typeof p.content === "string" ? p.content : JSON.stringify(p.content),
    }),
  );
  const ouById = new Map(ous.map((o) => [o.id, o]));
  const steps: TPathStep[] = pathIds.map((id) => {
    const ou = ouById.get(id);
    if (!ou) return { id, kind: "account", name, visible: true };
    const visible = !scope.ouIds || ou.pathIds.some((p) => scope.ouIds?.includes(p));
    return {
      id,
      kind: ou.parentId === null ? "root" : "ou",
      name: ou.name,
      visible: visible || ou.parentId === null,
    };
  });

  // The policy after each step down the path: a part comes from the step where it last appeared.
  const prefixes = pathIds.map((_, i) => effectiveTagPolicy({ policies }, pathIds.slice(0, i + 1)));
  const final = prefixes.at(-1) ?? { rules: [], ignored: [] };
  const last = steps.at(-1);
  return {
    target: { kind: last?.kind ?? target.kind, id: target.id, name },
    rules: final.rules.map((rule) => describeRule(rule, prefixes, steps)),
    ignored: final.ignored,
  };
}

async function locate(
  db: Db,
  scope: Scope,
  target: TTagPolicyTarget,
): Promise<{ pathIds: string[]; name: string } | null> {
  if (target.kind === "ou") {
    const ou = await db.orgUnit.findFirst({
      where: { id: target.id, removedAt: null, ...ouScope(scope) },
      select: { name: true, pathIds: true },
    });
    return ou ? { pathIds: ou.pathIds, name: ou.name } : null;
  }
  const account = await db.account.findFirst({
    where: { id: target.id, ...accountScope(scope) },
    select: { name: true, ou: { select: { pathIds: true } } },
  });
  return account ? { pathIds: [...account.ou.pathIds, target.id], name: account.name } : null;
}

const ruleAt = (p: TEffectiveTagPolicy | undefined, key: string): TEffectiveTagRule | undefined =>
  p?.rules.find((r) => r.key === key);

function describeRule(
  rule: TEffectiveTagRule,
  prefixes: readonly TEffectiveTagPolicy[],
  steps: readonly TPathStep[],
): TEffectiveTagRuleView {
  // Sources grow root first, so the names a step adds are the policies attached there that touched the key.
  const addedAt = prefixes.map((p, i) => {
    const now = ruleAt(p, rule.key)?.sources ?? [];
    const before = ruleAt(prefixes[i - 1], rule.key)?.sources.length ?? 0;
    return now.slice(before);
  });
  const origin = (i: number): TTagPolicyOrigin => {
    const step = steps[i];
    return {
      targetKind: step?.kind ?? "ou",
      targetId: step?.visible ? step.id : null,
      targetName: step?.visible ? step.name : null,
      policies: addedAt[i] ?? [],
    };
  };
  const valuesOf = (field: TListField): TTagPolicyValue[] =>
    rule[field].map((value) => {
      let i = prefixes.length - 1;
      while (i > 0 && ruleAt(prefixes[i - 1], rule.key)?.[field].includes(value)) i--;
      return { value, from: origin(i) };
    });
  return {
    key: rule.key,
    tagKey: rule.tagKey,
    values: valuesOf("values"),
    enforcedFor: valuesOf("enforcedFor"),
    reportRequiredFor: valuesOf("reportRequiredFor"),
    sources: addedAt.flatMap((added, i) => (added.length ? [origin(i)] : [])),
  };
}
