// Who may assume a role, read from its trust policy, and whether any of them is outside the organization.
import { ZPolicyDocument } from "@/lib/domain/snapshot";
import { accountOfPrincipal, conditionValues, principalsOf, statementCoversAction, statementsOf } from "@/lib/domain/checks/policy-grammar";

export type TrustRelation = "self" | "org" | "known" | "outside";

export interface TrustedPrincipal {
  kind: "anyone" | "aws" | "service" | "federated";
  principal: string;
  accountId: string | null;
  relation: TrustRelation | null;
  accountName: string | null;
  guarded: boolean;
}

export interface TrustContext {
  /** The role's own account. */
  accountId: string;
  /** Accounts now in the organization. */
  orgAccountIds: ReadonlySet<string>;
  /** Imported inventory: accounts known to exist, in the organization or not. */
  knownAccountIds: ReadonlySet<string>;
  /** Names the caller may see, by account id. */
  names: ReadonlyMap<string, string>;
}

const ASSUME_ACTIONS = ["sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity"];
const GUARD_KEYS = ["sts:externalid", "aws:principalorgid", "aws:principalorgpaths"];

export function trustedPrincipals(trustPolicy: unknown, ctx: TrustContext): TrustedPrincipal[] {
  const doc = ZPolicyDocument.safeParse(trustPolicy);
  if (!doc.success) return [];
  const out: TrustedPrincipal[] = [];
  for (const s of statementsOf(doc.data)) {
    if (s.Effect !== "Allow" || !ASSUME_ACTIONS.some((a) => statementCoversAction(s, a))) continue;
    const conditions = conditionValues(s);
    const guarded = GUARD_KEYS.some((k) => (conditions.get(k) ?? []).some((v) => v !== "" && v !== "*"));
    const p = principalsOf(s.Principal);
    const plain = (kind: "service" | "federated", principal: string): TrustedPrincipal => ({ kind, principal, accountId: null, relation: null, accountName: null, guarded });
    if (p.anyone) out.push({ kind: "anyone", principal: "*", accountId: null, relation: null, accountName: null, guarded });
    for (const principal of p.aws) {
      if (principal === "*") continue;
      const accountId = accountOfPrincipal(principal);
      out.push({ kind: "aws", principal, accountId, relation: accountId ? relationOf(accountId, ctx) : null, accountName: accountId ? (ctx.names.get(accountId) ?? null) : null, guarded });
    }
    out.push(...p.service.map((x) => plain("service", x)), ...p.federated.map((x) => plain("federated", x)));
  }
  return out;
}

function relationOf(accountId: string, ctx: TrustContext): TrustRelation {
  if (accountId === ctx.accountId) return "self";
  if (ctx.orgAccountIds.has(accountId)) return "org";
  return ctx.knownAccountIds.has(accountId) ? "known" : "outside";
}

/**
 * Anyone, or an AWS principal that is not provably inside the organization (an account outside it,
 * or an unparseable principal such as a deleted role's unique id), may assume the role.
 */
export function trustsOutsideOrg(trusts: readonly TrustedPrincipal[]): boolean {
  return trusts.some((t) => t.kind === "anyone" || (t.kind === "aws" && (t.relation === null || t.relation === "known" || t.relation === "outside")));
}

/** Account ids named by the policy's AWS principals (to look their names and membership up in one query). */
export function trustedAccountIds(trustPolicy: unknown): string[] {
  const doc = ZPolicyDocument.safeParse(trustPolicy);
  if (!doc.success) return [];
  return statementsOf(doc.data).flatMap((s) => principalsOf(s.Principal).aws.flatMap((p) => accountOfPrincipal(p) ?? []));
}
