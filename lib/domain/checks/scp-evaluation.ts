// Effective SCPs of a node: every level from Root down must allow an action, and a Deny at any level
// wins. Guardrails are judged on what an account can actually do, not on policy names.
import type { TSnapshot } from "@/lib/domain/snapshot";
import { parsePolicyContent, statementCoversAction, statementsOf, type TStatement } from "./policy-grammar";

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
    for (const t of p.targets) byTarget.set(t.targetId, [...(byTarget.get(t.targetId) ?? []), parsed]);
  }
  return byTarget;
}

export interface TDenyVerdict {
  denied: boolean;
  /** Policy names whose Deny (or the level whose missing Allow) blocks the action. */
  by: string[];
}

/**
 * Whether SCPs on the path (Root first) block the action. A level without any SCP attached is read
 * as FullAWSAccess: AWS requires one per node, so its absence means the snapshot omitted it.
 */
export function scpDenies(scps: TScpIndex, pathIds: readonly string[], action: string): TDenyVerdict {
  const by: string[] = [];
  for (const id of pathIds) {
    const policies = scps.get(id) ?? [];
    if (!policies.length) continue;
    let allowed = false;
    for (const p of policies) {
      if (p.statements.some((s) => s.Effect === "Deny" && statementCoversAction(s, action))) by.push(p.name);
      if (p.statements.some((s) => s.Effect === "Allow" && statementCoversAction(s, action))) allowed = true;
    }
    if (!allowed) by.push(`no Allow at ${id}`);
  }
  return { denied: by.length > 0, by: [...new Set(by)] };
}
