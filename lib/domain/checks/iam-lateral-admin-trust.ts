// Inside the organization: an administrator role in a production account that a development,
// test or sandbox account may assume turns the weakest environment into a path to production
// (the lateral movement the multi-account playbook warns about).
import type { TAccount } from "@/lib/domain/snapshot";
import type { TSettings } from "@/lib/domain/settings";
import type { TCheck, TFinding } from "./types";
import { indexSnapshot, type TOrgIndex } from "./org-index";
import { classifyEnvironment, ouEnvironment, type TEnvironmentClass } from "./ou-classes";
import {
  accountOfPrincipal,
  principalsOf,
  statementCoversAction,
  statementsOf,
} from "./policy-grammar";
import { adminPermissionsOf } from "./iam-cross-account-trust";
import { orgLimit, type TOrgTrustContext } from "./trust-guards";

export const IAM_LATERAL_ADMIN_TRUST = "IAM_LATERAL_ADMIN_TRUST";

/** The account's environment: its environment tag, else the environment its OU implies. */
export function accountEnvironment(
  index: TOrgIndex,
  account: TAccount,
  settings: TSettings,
): TEnvironmentClass | null {
  const tagged = account.tags[settings.environmentTagKey];
  const fromTag = tagged !== undefined ? classifyEnvironment(tagged, settings) : null;
  return fromTag ?? ouEnvironment(index, account.parentId, settings);
}

const LOWER: ReadonlySet<TEnvironmentClass | null> = new Set(["nonprod", "sandbox"]);

export const iamLateralAdminTrust: TCheck = {
  definition: {
    id: IAM_LATERAL_ADMIN_TRUST,
    title: "Production admin roles assumable from lower environments",
    category: "identity-access",
    defaultSeverity: "high",
    evidenceKind: "account-audit",
    remediation:
      "Do not let development, test or sandbox accounts assume administrator roles in production: trust only production " +
      "(or the shared CI/CD and security tooling accounts), or give the role trusted from lower environments least privilege.",
  },
  run(snap, settings) {
    const index = indexSnapshot(snap);
    const ctx: TOrgTrustContext = {
      orgId: snap.organization.id,
      accountIds: new Set(index.accountById.keys()),
    };
    const out: TFinding[] = [];
    for (const { account, audit } of index.audited) {
      if (accountEnvironment(index, account, settings) !== "prod") continue;
      for (const role of audit.roles) {
        const admin = adminPermissionsOf(role);
        if (!admin) continue;
        const callers = new Set<string>();
        for (const s of statementsOf(role.trustPolicy)) {
          if (s.Effect !== "Allow" || !statementCoversAction(s, "sts:AssumeRole")) continue;
          const principals = principalsOf(s.Principal);
          const limit = orgLimit(s, ctx);
          // Anyone without an organization condition is IAM_CROSS_ACCOUNT_TRUST's (critical) finding.
          const named = principals.anyone
            ? limit === null
              ? []
              : [...index.accountById.keys()]
            : principals.aws.flatMap((p) => accountOfPrincipal(p) ?? []);
          for (const id of named)
            if (limit === null || limit === "org" || limit.has(id)) callers.add(id);
        }
        const lower = [...callers]
          .filter((id) => id !== account.id)
          .flatMap((id) => {
            const caller = index.accountById.get(id);
            const env = caller ? accountEnvironment(index, caller, settings) : null;
            return caller && caller.status === "ACTIVE" && LOWER.has(env)
              ? [{ id, name: caller.name, environment: env }]
              : [];
          });
        if (!lower.length) continue;
        out.push({
          checkId: IAM_LATERAL_ADMIN_TRUST,
          accountId: account.id,
          ouId: null,
          resource: role.arn,
          severity: "high",
          title: `Admin role ${role.roleName} in production trusts ${lower.length === 1 ? (lower[0]?.name ?? "") : `${lower.length} lower-environment accounts`}`,
          message: `Role ${role.roleName} in ${account.name} (${account.id}, production) has administrator permissions (${admin}) and can be assumed from ${lower.map((l) => `${l.name} (${l.id}, ${l.environment})`).join(", ")}.`,
          evidence: {
            account: account.id,
            role: role.arn,
            adminBecause: admin,
            lowerEnvironmentAccounts: lower.slice(0, 50),
            lowerEnvironmentAccountCount: lower.length,
          },
        });
      }
    }
    return out;
  },
};
