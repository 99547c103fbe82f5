// A role that anyone, or an account outside the organization, can assume without a confused-deputy
// guard (sts:ExternalId) or an organization condition (aws:PrincipalOrgID) is a door to the outside.
import type { TIamRole } from "@/lib/domain/snapshot";
import type { TCheck, TFinding } from "./types";
import { indexSnapshot } from "./org-index";
import { accountOfPrincipal, conditionValues, principalsOf, statementCoversAction, statementsOf } from "./policy-grammar";

export const IAM_CROSS_ACCOUNT_TRUST = "IAM_CROSS_ACCOUNT_TRUST";

const ADMIN_POLICY = /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/;
const GUARD_KEYS = ["sts:externalid", "aws:principalorgid", "aws:principalorgpaths"];

/** AdministratorAccess attached, or an inline Allow of every action on every resource. */
export function hasAdminPermissions(role: TIamRole): boolean {
  if (role.attachedPolicyArns.some((arn) => ADMIN_POLICY.test(arn))) return true;
  return role.inlinePolicies.some((p) =>
    statementsOf(p.document).some((s) => s.Effect === "Allow" && (s.Action ?? []).includes("*") && (s.Resource ?? []).includes("*")),
  );
}

/** Principals outside the organization (or "*") that may assume the role without a guard condition. */
export function untrustedPrincipals(role: TIamRole, orgAccountIds: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const s of statementsOf(role.trustPolicy)) {
    if (s.Effect !== "Allow" || !statementCoversAction(s, "sts:AssumeRole")) continue;
    const conditions = conditionValues(s);
    const guarded = GUARD_KEYS.some((k) => (conditions.get(k) ?? []).some((v) => v !== "" && v !== "*"));
    if (guarded) continue;
    const principals = principalsOf(s.Principal);
    if (principals.anyone) out.push("*");
    for (const p of principals.aws) {
      if (p === "*") continue;
      const account = accountOfPrincipal(p);
      // An unparseable principal (a deleted role's unique id "AROA…") cannot be proven internal.
      if (account === null || !orgAccountIds.has(account)) out.push(p);
    }
  }
  return [...new Set(out)];
}

export const iamCrossAccountTrust: TCheck = {
  definition: {
    id: IAM_CROSS_ACCOUNT_TRUST,
    title: "Roles assumable from outside the organization",
    category: "identity-access",
    defaultSeverity: "high",
    evidenceKind: "account-audit",
    remediation:
      "Restrict the trust policy to known accounts and add a condition: sts:ExternalId for a third party, " +
      "aws:PrincipalOrgID for your own organization. Never trust \"*\" without a condition, and grant such roles least privilege.",
  },
  run(snap) {
    const index = indexSnapshot(snap);
    const orgAccountIds = new Set(index.accountById.keys());
    const out: TFinding[] = [];
    for (const { account, audit } of index.audited) {
      for (const role of audit.roles) {
        const outside = untrustedPrincipals(role, orgAccountIds);
        if (!outside.length) continue;
        const admin = hasAdminPermissions(role);
        const anyone = outside.includes("*");
        out.push({
          checkId: IAM_CROSS_ACCOUNT_TRUST,
          accountId: account.id,
          ouId: null,
          resource: role.arn,
          severity: admin || anyone ? "critical" : "high",
          title: `Role ${role.roleName} trusts ${anyone ? "anyone" : "accounts outside the organization"}`,
          message:
            `Role ${role.roleName} in ${account.name} (${account.id}) can be assumed by ${outside.join(", ")} without an sts:ExternalId or aws:PrincipalOrgID condition` +
            (admin ? ", and it has administrator permissions." : "."),
          evidence: { account: account.id, role: role.arn, principals: outside, adminPermissions: admin },
        });
      }
    }
    return out;
  },
};
