// Baseline preventive guardrails: no IAM users or long-term keys, and no leaving the organization
// (which would shed every SCP, the org trail and consolidated billing at once).
import type { TAccount } from "@/lib/domain/snapshot";
import type { TCheck, TFinding } from "./types";
import { indexSnapshot } from "./org-index";
import { indexScps, scpDenies, type TScpIndex } from "./scp-evaluation";

export const GUARDRAIL_SCP_BASELINE = "GUARDRAIL_SCP_BASELINE";

export const BASELINE_DENIED_ACTIONS = ["iam:CreateUser", "iam:CreateAccessKey", "organizations:LeaveOrganization"] as const;

function missingDenies(scps: TScpIndex, pathIds: readonly string[]): string[] {
  return BASELINE_DENIED_ACTIONS.filter((action) => !scpDenies(scps, pathIds, action).denied);
}

export const guardrailScpBaseline: TCheck = {
  definition: {
    id: GUARDRAIL_SCP_BASELINE,
    title: "Baseline SCP guardrails",
    category: "organization",
    defaultSeverity: "high",
    evidenceKind: "organization",
    remediation:
      "Attach an SCP to Root (or to every OU) that denies iam:CreateUser, iam:CreateAccessKey and organizations:LeaveOrganization, " +
      "with an exception for the platform's break-glass role if needed.",
  },
  run(snap) {
    const index = indexSnapshot(snap);
    const scps = indexScps(snap);
    // Reported where the exposure is: at the OU holding unprotected accounts, so a gap at Root
    // covered by every child OU's own SCP raises nothing.
    const exposedByOu = new Map<string, { account: TAccount; missing: string[] }[]>();
    for (const account of index.memberAccounts) {
      const missing = missingDenies(scps, [...index.ouPathIdsOf(account.parentId), account.id]);
      if (!missing.length) continue;
      exposedByOu.set(account.parentId, [...(exposedByOu.get(account.parentId) ?? []), { account, missing }]);
    }
    const out: TFinding[] = [];
    for (const [ouId, exposed] of exposedByOu) {
      const ouMissing = missingDenies(scps, index.ouPathIdsOf(ouId));
      const ouPath = index.paths.get(ouId)?.path ?? ouId;
      for (const { account, missing } of exposed) {
        if (ouMissing.length) continue;
        out.push(finding(null, account.id, `${account.name} (${account.id})`, missing, { ouPath }));
      }
      if (!ouMissing.length) continue;
      const accounts = exposed.map((e) => e.account.id);
      out.push(finding(ouId, null, `OU ${ouPath}`, ouMissing, { ouPath, exposedAccounts: accounts.length, accounts: accounts.slice(0, 50) }));
    }
    return out;
  },
};

function finding(ouId: string | null, accountId: string | null, label: string, missing: string[], evidence: TFinding["evidence"]): TFinding {
  const leave = missing.includes("organizations:LeaveOrganization");
  const iam = missing.filter((a) => a.startsWith("iam:"));
  const parts = [iam.length ? `does not deny ${iam.join(" and ")}` : null, leave ? "does not deny leaving the organization" : null].filter(Boolean);
  return {
    checkId: GUARDRAIL_SCP_BASELINE,
    accountId,
    ouId,
    resource: "",
    severity: "high",
    title: `${label}: baseline guardrails missing`,
    message: `The effective SCPs of ${label} (inherited from Root and parent OUs) ${parts.join(" and ")}.`,
    evidence: { ...evidence, missingDenies: missing },
  };
}
