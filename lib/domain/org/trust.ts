// Who may assume a role, read from its trust policy, and whether any of them is outside the organization.
import { ZPolicyDocument } from "@/lib/domain/snapshot";
import {
  accountOfPrincipal,
  principalsOf,
  statementCoversAction,
  statementsOf,
} from "@/lib/domain/checks/policy-grammar";
import { hasExternalId, orgLimit, webIdentityGap } from "@/lib/domain/checks/trust-guards";

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
  /** This organization's id: an aws:PrincipalOrgID condition guards only when it names it. */
  orgId: string | null;
  /** Accounts now in the organization. */
  orgAccountIds: ReadonlySet<string>;
  /** Imported inventory: accounts known to exist, in the organization or not. */
  knownAccountIds: ReadonlySet<string>;
  /** Names the caller may see, by account id. */
  names: ReadonlyMap<string, string>;
}

const ASSUME_ACTIONS = [
  "sts:AssumeRole",
  "sts:AssumeRoleWithSAML",
  "sts:AssumeRoleWithWebIdentity",
];

export function trustedPrincipals(trustPolicy: unknown, ctx: TrustContext): TrustedPrincipal[] {
  const doc = ZPolicyDocument.safeParse(trustPolicy);
  if (!doc.success) return [];
  const out: TrustedPrincipal[] = [];
  for (const s of statementsOf(doc.data)) {
    if (s.Effect !== "Allow" || !ASSUME_ACTIONS.some((a) => statementCoversAction(s, a))) continue;
    // The same guards as IAM_CROSS_ACCOUNT_TRUST: binding conditions naming this organization or its accounts.
    const guarded =
      hasExternalId(s) || orgLimit(s, { orgId: ctx.orgId, accountIds: ctx.orgAccountIds }) !== null;
    const p = principalsOf(s.Principal);
    const webIdentity = statementCoversAction(s, "sts:AssumeRoleWithWebIdentity");
    const plain = (kind: "service" | "federated", principal: string): TrustedPrincipal => ({
      kind,
      principal,
      accountId: null,
      relation: null,
      accountName: null,
      // An OIDC trust is guarded by a pinned subject (or audience), a SAML one by its identity provider.
      guarded:
        guarded ||
        (kind === "federated" &&
          (/:saml-provider\//.test(principal) ||
            (webIdentity && webIdentityGap(s, principal) === null))),
    });
    if (p.anyone)
      out.push({
        kind: "anyone",
        principal: "*",
        accountId: null,
        relation: null,
        accountName: null,
        guarded,
      });
    for (const principal of p.aws) {
      if (principal === "*") continue;
      const accountId = accountOfPrincipal(principal);
      out.push({
        kind: "aws",
        principal,
        accountId,
        relation: accountId ? relationOf(accountId, ctx) : null,
        accountName: accountId ? (ctx.names.get(accountId) ?? null) : null,
        guarded,
      });
    }
    out.push(
      ...p.service.map((x) => plain("service", x)),
      ...p.federated.map((x) => plain("federated", x)),
    );
  }
  return out;
}

function relationOf(accountId: string, ctx: TrustContext): TrustRelation {
  if (accountId === ctx.accountId) return "self";
  if (ctx.orgAccountIds.has(accountId)) return "org";
  return ctx.knownAccountIds.has(accountId) ? "known" : "outside";
}

/**
 * Anyone, an AWS principal that is not provably inside the organization (an account outside it, or
 * an unparseable principal such as a deleted role's unique id), or an unpinned OIDC issuer may assume the role.
 */
export function trustsOutsideOrg(trusts: readonly TrustedPrincipal[]): boolean {
  return trusts.some(
    (t) =>
      t.kind === "anyone" ||
      (t.kind === "aws" &&
        (t.relation === null || t.relation === "known" || t.relation === "outside")) ||
      (t.kind === "federated" && !t.guarded),
  );
}

/** Account ids named by the policy's AWS principals (to look their names and membership up in one query). */
export function trustedAccountIds(trustPolicy: unknown): string[] {
  const doc = ZPolicyDocument.safeParse(trustPolicy);
  if (!doc.success) return [];
  return statementsOf(doc.data).flatMap((s) =>
    principalsOf(s.Principal).aws.flatMap((p) => accountOfPrincipal(p) ?? []),
  );
}
