// The registry of governance checks. Adding a check means adding it here; its id never changes once
// findings have been stored under it.
import type { TSettings } from "@/lib/domain/settings";
import type { TSnapshot } from "@/lib/domain/snapshot";
import { accountBaseline } from "./account-baseline";
import { budgetVariance } from "./budget-variance";
import { envSegregation } from "./env-segregation";
import { guardrailScpBaseline } from "./guardrail-scp-baseline";
import { iamCrossAccountTrust } from "./iam-cross-account-trust";
import { iamLocalUsers } from "./iam-local-users";
import { iamLateralAdminTrust } from "./iam-lateral-admin-trust";
import { iamLongLivedKeys } from "./iam-long-lived-keys";
import { iamRootUser } from "./iam-root-user";
import { iamStaleUsers } from "./iam-stale-users";
import { identityAccountDedicated } from "./identity-account-dedicated";
import { logArchiveAccount } from "./log-archive-account";
import { logArchiveBucketPolicy } from "./log-archive-bucket-policy";
import { logOrgTrail } from "./log-org-trail";
import { mgmtAccountWorkloads } from "./mgmt-account-workloads";
import { orgAccountAtRoot } from "./org-account-at-root";
import { orgAccountOutside } from "./org-account-outside";
import { orgAccountUnrequested } from "./org-account-unrequested";
import { orgOuStructure } from "./org-ou-structure";
import { securityHubCoverage } from "./securityhub-coverage";
import { tagPolicy } from "./tag-policy";
import {
  fingerprintOf,
  type TCheck,
  type TCheckContext,
  type TCheckDefinition,
  type TFinding,
} from "./types";

export * from "./types";

export const ALL_CHECKS: readonly TCheck[] = [
  identityAccountDedicated,
  iamLocalUsers,
  iamLongLivedKeys,
  iamStaleUsers,
  iamRootUser,
  iamCrossAccountTrust,
  iamLateralAdminTrust,
  envSegregation,
  mgmtAccountWorkloads,
  orgAccountAtRoot,
  orgAccountOutside,
  orgAccountUnrequested,
  orgOuStructure,
  guardrailScpBaseline,
  logOrgTrail,
  logArchiveAccount,
  logArchiveBucketPolicy,
  securityHubCoverage,
  tagPolicy,
  budgetVariance,
  accountBaseline,
];

const definitions = new Map(ALL_CHECKS.map((c) => [c.definition.id, c.definition]));

export function checkDefinition(checkId: string): TCheckDefinition | undefined {
  return definitions.get(checkId);
}

/** Every check over one snapshot; a fingerprint reported twice keeps its first finding. */
export function runChecks(
  snap: TSnapshot,
  settings: TSettings,
  ctx: TCheckContext,
  checks: readonly TCheck[] = ALL_CHECKS,
): TFinding[] {
  const byFingerprint = new Map<string, TFinding>();
  for (const check of checks) {
    for (const f of check.run(snap, settings, ctx)) {
      const fp = fingerprintOf(f);
      if (!byFingerprint.has(fp)) byFingerprint.set(fp, f);
    }
  }
  return [...byFingerprint.values()];
}
