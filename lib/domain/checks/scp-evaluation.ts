// Effective SCPs of a node: every level from Root down must allow an action, and a Deny at any level
// wins. Guardrails are judged on what an account can actually do, not on policy names.
import { ZJson, type TJson } from "@/lib/domain/json";
import type { TSnapshot } from "@/lib/domain/snapshot";
import {
  conditionEntries,
  parsePolicyContent,
  statementCoversAction,
  statementsOf,
  type TStatement,
} from "./policy-grammar";

export interface TParsedScp {
  id: string;
  name: string;
  statements: TStatement[];
}

/** The SCPs attached directly to each target (Root, OU or account id), parsed once. */
export type TScpIndex = ReadonlyMap<string, readonly TParsedScp[]>;

export function indexScps(snap: TSnapshot): TScpIndex {
  const byTarget = new Map<string, TParsedScp[]>();
  for (const p of snap.policies) {
    if (p.type !== "SERVICE_CONTROL_POLICY") continue;
    const doc = parsePolicyContent(p.content);
    const parsed = { id: p.id, name: p.name, statements: doc ? statementsOf(doc) : [] };
    for (const t of p.targets)
      byTarget.set(t.targetId, [...(byTarget.get(t.targetId) ?? []), parsed]);
  }
  return byTarget;
}

/** A Deny that covers the action only sometimes: under a condition, or on some resources. */
export interface TPartialDeny {
  policy: string;
  condition: TJson | null;
  resources: string[];
  /** Every condition only exempts principals (a break-glass role): the deny holds for everyone else. */
  principalExclusionOnly: boolean;
}

export interface TDenyVerdict {
  denied: boolean;
  /** Policy names whose Deny (or the level whose missing Allow) blocks the action. */
  by: string[];
  /** Conditional or resource-limited denies, when no level denies the action outright. */
  partial: TPartialDeny[];
}

// "arn:aws:iam::*:user/*" reaches every user as "*" does; "arn:aws:iam::*:user/admin*" does not.
const EVERY_RESOURCE = /^arn:[^:]+:[^:]*:[^:]*:[^:]*:(?:[^:/]+\/)?\*$/;
const PRINCIPAL_KEYS =
  /^aws:(principalarn|principaltag\/.*|userid|username|principaltype|principalaccount|principalorgid|principalorgpaths|principalisawsservice|principalservicename)$/;

function coversEveryResource(s: TStatement): boolean {
  if (s.NotResource) return false;
  return (s.Resource ?? ["*"]).some((r) => r === "*" || EVERY_RESOURCE.test(r));
}

function partialOf(policy: string, s: TStatement): TPartialDeny {
  const entries = conditionEntries(s);
  return {
    policy,
    condition: s.Condition ? (ZJson.safeParse(s.Condition).data ?? null) : null,
    resources: s.NotResource ? s.NotResource.map((r) => `not ${r}`) : (s.Resource ?? ["*"]),
    principalExclusionOnly:
      coversEveryResource(s) &&
      entries.length > 0 &&
      entries.every((e) => e.negated && PRINCIPAL_KEYS.test(e.key)),
  };
}

/**
 * Whether SCPs on the path (Root first) block the action. A level without any SCP attached is read
 * as FullAWSAccess: AWS requires one per node, so its absence means the snapshot omitted it.
 */
export function scpDenies(
  scps: TScpIndex,
  pathIds: readonly string[],
  action: string,
): TDenyVerdict {
  const by: string[] = [];
  const partial: TPartialDeny[] = [];
  for (const id of pathIds) {
    const policies = scps.get(id) ?? [];
    if (!policies.length) continue;
    let allowed = false;
    for (const p of policies) {
      for (const s of p.statements) {
        if (!statementCoversAction(s, action)) continue;
        if (s.Effect === "Allow") allowed = true;
        else if (!s.Condition && coversEveryResource(s)) by.push(p.name);
        else partial.push(partialOf(p.name, s));
      }
    }
    if (!allowed) by.push(`no Allow at ${id}`);
  }
  return { denied: by.length > 0, by: [...new Set(by)], partial: by.length ? [] : partial };
}
