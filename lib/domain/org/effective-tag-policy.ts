// The effective tag policy of an OU or account, as AWS computes it: the tag policies attached from
// the root down to the target are merged in that order. A child can @@assign (replace), @@append
// (add) or @@remove (take away) values, unless a parent limited the operators its children may use
// with @@operators_allowed_for_child_policies; an operator a parent forbids is ignored.
import type { TPolicy, TSnapshot } from "@/lib/domain/snapshot";

export const TAG_POLICY_FIELDS = [
  "tag_key",
  "tag_value",
  "enforced_for",
  "report_required_tag_for",
] as const;
type TField = (typeof TAG_POLICY_FIELDS)[number];
const OPERATORS = ["@@assign", "@@append", "@@remove"] as const;
type TOperator = (typeof OPERATORS)[number];

export interface TEffectiveTagRule {
  /** The policy key (lower case), as AWS matches it. */
  key: string;
  /** tag_key's @@assign: the capitalization resources must use. */
  tagKey: string;
  values: string[];
  enforcedFor: string[];
  reportRequiredFor: string[];
  /** Policies that contributed to this rule, root first. */
  sources: string[];
}

export interface TEffectiveTagPolicy {
  rules: TEffectiveTagRule[];
  /** Child operators a parent forbids, ignored while merging ("policy: key.field @@op"). */
  ignored: string[];
}

interface TMutableRule {
  tagKey: string;
  fields: Map<Exclude<TField, "tag_key">, string[]>;
  allowed: Map<TField, Set<string>>;
  sources: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.filter((x): x is string => typeof x === "string")
    : typeof v === "string"
      ? [v]
      : [];

function parseContent(content: string): Record<string, unknown> {
  try {
    const doc: unknown = JSON.parse(content);
    return isRecord(doc) && isRecord(doc.tags) ? doc.tags : {};
  } catch {
    // A document AWS accepted but this code cannot parse contributes nothing rather than failing the run.
    return {};
  }
}

/** The operators a field's value object uses; a bare value counts as @@assign. */
function operationsOf(value: unknown): { op: TOperator; values: string[] }[] {
  if (!isRecord(value)) return [{ op: "@@assign", values: strings(value) }];
  return OPERATORS.filter((op) => op in value).map((op) => ({ op, values: strings(value[op]) }));
}

function mergePolicy(
  rules: Map<string, TMutableRule>,
  policy: Pick<TPolicy, "name" | "content">,
  ignored: string[],
) {
  for (const [rawKey, entry] of Object.entries(parseContent(policy.content))) {
    if (!isRecord(entry)) continue;
    const key = rawKey.toLowerCase();
    const rule: TMutableRule = rules.get(key) ?? {
      tagKey: rawKey,
      fields: new Map(),
      allowed: new Map(),
      sources: [],
    };
    let touched = false;
    for (const field of TAG_POLICY_FIELDS) {
      const value = entry[field];
      if (value === undefined) continue;
      const allowed = rule.allowed.get(field);
      for (const { op, values } of operationsOf(value)) {
        if (allowed && !allowed.has(op)) {
          ignored.push(`${policy.name}: ${key}.${field} ${op}`);
          continue;
        }
        touched = true;
        if (field === "tag_key") {
          if (op === "@@assign" && values[0]) rule.tagKey = values[0];
          continue;
        }
        const current = rule.fields.get(field) ?? [];
        const next =
          op === "@@assign"
            ? values
            : op === "@@append"
              ? [...new Set([...current, ...values])]
              : current.filter((v) => !values.includes(v));
        rule.fields.set(field, next);
      }
      // A parent's limit holds for every descendant; a child can narrow it further, never widen it.
      if (isRecord(value) && "@@operators_allowed_for_child_policies" in value) {
        const limit = new Set(
          strings(value["@@operators_allowed_for_child_policies"]).filter((o) => o !== "@@none"),
        );
        rule.allowed.set(
          field,
          allowed ? new Set([...limit].filter((o) => allowed.has(o))) : limit,
        );
      }
    }
    if (touched) rule.sources.push(policy.name);
    rules.set(key, rule);
  }
}

/** Target ids from the root down to the target: root, OUs, then the account itself (when one). */
export function effectiveTagPolicy(
  snap: Pick<TSnapshot, "policies">,
  pathIds: readonly string[],
): TEffectiveTagPolicy {
  const rules = new Map<string, TMutableRule>();
  const ignored: string[] = [];
  const tagPolicies = snap.policies
    .filter((p) => p.type === "TAG_POLICY")
    .toSorted((a, b) => a.id.localeCompare(b.id));
  for (const targetId of pathIds) {
    for (const policy of tagPolicies)
      if (policy.targets.some((t) => t.targetId === targetId)) mergePolicy(rules, policy, ignored);
  }
  return {
    rules: [...rules.entries()]
      .map(([key, r]) => ({
        key,
        tagKey: r.tagKey,
        values: r.fields.get("tag_value") ?? [],
        enforcedFor: r.fields.get("enforced_for") ?? [],
        reportRequiredFor: r.fields.get("report_required_tag_for") ?? [],
        sources: r.sources,
      }))
      .toSorted((a, b) => a.key.localeCompare(b.key)),
    ignored,
  };
}

/** Required keys the effective policy does not define, and those it defines but enforces nowhere. */
export function tagPolicyGaps(
  policy: TEffectiveTagPolicy,
  requiredKeys: readonly string[],
): { undefinedKeys: string[]; unenforcedKeys: string[] } {
  const byKey = new Map(policy.rules.map((r) => [r.key, r]));
  const undefinedKeys: string[] = [];
  const unenforcedKeys: string[] = [];
  for (const key of requiredKeys) {
    const rule = byKey.get(key.toLowerCase());
    if (!rule) undefinedKeys.push(key);
    else if (!rule.enforcedFor.length && !rule.reportRequiredFor.length) unenforcedKeys.push(key);
  }
  return { undefinedKeys, unenforcedKeys };
}
