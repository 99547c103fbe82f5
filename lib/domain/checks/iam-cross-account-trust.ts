// A role that anyone, an account outside the organization, or any workload of a shared OIDC issuer
// can assume without a guard is a door to the outside. Guards: sts:ExternalId for a third party,
// conditions naming this organization or its accounts, a pinned subject for web identity.
import type { TIamRole } from "@/lib/domain/snapshot";
import type { TCheck, TFinding, TSeverity } from "./types";
import { maxSeverity } from "./types";
import { indexSnapshot } from "./org-index";
import {
  accountOfPrincipal,
  principalsOf,
  statementCoversAction,
  statementsOf,
  type TStatement,
} from "./policy-grammar";
import {
  deniesOutsideOrg,
  hasExternalId,
  orgLimit,
  webIdentityGap,
  type TOrgTrustContext,
  type TWebIdentityGap,
} from "./trust-guards";

export const IAM_CROSS_ACCOUNT_TRUST = "IAM_CROSS_ACCOUNT_TRUST";

const ADMIN_POLICY = /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/;

const allowsEverything = (s: TStatement) =>
  s.Effect === "Allow" &&
  (s.Action ?? []).some((a) => a === "*" || a === "*:*") &&
  (s.Resource ?? []).includes("*");

/** The reason a role is administrator: AdministratorAccess attached, or a policy allowing every action on every resource. */
export function adminPermissionsOf(role: TIamRole): string | null {
  const managed = role.attachedPolicyArns.find((arn) => ADMIN_POLICY.test(arn));
  if (managed) return managed;
  const inline = role.inlinePolicies.find((p) => statementsOf(p.document).some(allowsEverything));
  if (inline) return `inline policy ${inline.name}`;
  return (
    role.managedPolicies.find((p) => statementsOf(p.document).some(allowsEverything))?.arn ?? null
  );
}

export function hasAdminPermissions(role: TIamRole): boolean {
  return adminPermissionsOf(role) !== null;
}

const ASSUME_ACTIONS = [
  "sts:AssumeRole",
  "sts:AssumeRoleWithSAML",
  "sts:AssumeRoleWithWebIdentity",
];

/**
 * Principals outside the organization (or "*") that may assume the role without a guard: AWS
 * principals through sts:AssumeRole, anyone through any assume action, and SAML providers of
 * accounts outside the organization (a SAML trust of the account's own provider is the IdP's to guard).
 */
export function untrustedPrincipals(role: TIamRole, ctx: TOrgTrustContext): string[] {
  const statements = statementsOf(role.trustPolicy);
  const out: string[] = [];
  for (const s of statements) {
    const actions = ASSUME_ACTIONS.filter((a) => statementCoversAction(s, a));
    if (s.Effect !== "Allow" || !actions.length) continue;
    if (
      hasExternalId(s) ||
      orgLimit(s, ctx) !== null ||
      actions.every((a) => deniesOutsideOrg(statements, a, ctx))
    )
      continue;
    const principals = principalsOf(s.Principal);
    if (principals.anyone) out.push("*");
    const outside = (p: string) => {
      const account = accountOfPrincipal(p);
      // An unparseable principal (a deleted role's unique id "AROA…") cannot be proven internal.
      return account === null || !ctx.accountIds.has(account);
    };
    if (actions.includes("sts:AssumeRole"))
      out.push(...principals.aws.filter((p) => p !== "*" && outside(p)));
    if (actions.includes("sts:AssumeRoleWithSAML"))
      out.push(...principals.federated.filter((p) => /:saml-provider\//.test(p) && outside(p)));
  }
  return [...new Set(out)];
}

/** OIDC trusts (sts:AssumeRoleWithWebIdentity) whose conditions do not pin the caller. */
export function openWebIdentityTrusts(role: TIamRole): (TWebIdentityGap & { principal: string })[] {
  const out: (TWebIdentityGap & { principal: string })[] = [];
  for (const s of statementsOf(role.trustPolicy)) {
    if (s.Effect !== "Allow" || !statementCoversAction(s, "sts:AssumeRoleWithWebIdentity"))
      continue;
    for (const principal of principalsOf(s.Principal).federated) {
      if (/:saml-provider\//.test(principal)) continue;
      const gap = webIdentityGap(s, principal);
      if (gap) out.push({ ...gap, principal });
    }
  }
  return out;
}

export const iamCrossAccountTrust: TCheck = {
  definition: {
    id: IAM_CROSS_ACCOUNT_TRUST,
    title: "Roles assumable from outside the organization",
    category: "identity-access",
    defaultSeverity: "high",
    evidenceKind: "account-audit",
    remediation:
      "Restrict the trust policy to known accounts and add a binding condition (no …IfExists): sts:ExternalId for a third party, " +
      "aws:PrincipalOrgID with this organization's id for your own accounts. For OIDC (GitHub Actions, GitLab, EKS) pin the " +
      "subject, e.g. token.actions.githubusercontent.com:sub = repo:<org>/<repo>:ref:refs/heads/main. Grant such roles least privilege.",
  },
  run(snap) {
    const index = indexSnapshot(snap);
    const ctx: TOrgTrustContext = {
      orgId: snap.organization.id,
      accountIds: new Set(index.accountById.keys()),
    };
    const out: TFinding[] = [];
    for (const { account, audit } of index.audited) {
      for (const role of audit.roles) {
        const outside = untrustedPrincipals(role, ctx);
        const web = openWebIdentityTrusts(role);
        if (!outside.length && !web.length) continue;
        const admin = adminPermissionsOf(role);
        const anyone = outside.includes("*");
        const severities: TSeverity[] = [
          ...(outside.length ? [admin || anyone ? ("critical" as const) : ("high" as const)] : []),
          ...web.map((w): TSeverity => (w.scope === "anyone" || admin ? "critical" : "high")),
        ];
        const parts = [
          outside.length
            ? `can be assumed by ${outside.join(", ")} without an sts:ExternalId or organization condition`
            : null,
          ...web.map((w) => `trusts ${w.issuer} but ${w.reason}`),
        ].filter(Boolean);
        out.push({
          checkId: IAM_CROSS_ACCOUNT_TRUST,
          accountId: account.id,
          ouId: null,
          resource: role.arn,
          severity: maxSeverity(severities, "high"),
          title: `Role ${role.roleName} trusts ${anyone ? "anyone" : outside.length ? "accounts outside the organization" : `any caller of ${web[0]?.issuer ?? "an OIDC issuer"}`}`,
          message:
            `Role ${role.roleName} in ${account.name} (${account.id}) ${parts.join("; it ")}` +
            (admin ? `, and it has administrator permissions (${admin}).` : "."),
          evidence: {
            account: account.id,
            role: role.arn,
            principals: outside,
            webIdentity: web.map((w) => ({
              principal: w.principal,
              issuer: w.issuer,
              reason: w.reason,
            })),
            adminPermissions: admin !== null,
            adminBecause: admin,
          },
        });
      }
    }
    return out;
  },
};
