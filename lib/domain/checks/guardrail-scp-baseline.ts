// Baseline preventive guardrails (a setting; by default: no IAM users or long-term keys, and no
// leaving the organization, which would shed every SCP, the org trail and consolidated billing at
// once). A Deny that holds only under a condition (a region, MFA, everyone but a break-glass role)
// or on some resources is a partial guardrail: reported as such, below a missing one.
import type { TAccount } from "@/lib/domain/snapshot";
import type { TCheck, TFinding, TSeverity } from "./types";
import { indexSnapshot } from "./org-index";
import { indexScps, scpDenies, type TPartialDeny, type TScpIndex } from "./scp-evaluation";

export const GUARDRAIL_SCP_BASELINE = "GUARDRAIL_SCP_BASELINE";

interface TGaps {
  missing: string[];
  partial: { action: string; denies: TPartialDeny[] }[];
}

function gapsOf(scps: TScpIndex, pathIds: readonly string[], actions: readonly string[]): TGaps {
  const gaps: TGaps = { missing: [], partial: [] };
  for (const action of actions) {
    const verdict = scpDenies(scps, pathIds, action);
    if (verdict.denied) continue;
    if (verdict.partial.length) gaps.partial.push({ action, denies: verdict.partial });
    else gaps.missing.push(action);
  }
  return gaps;
}

const hasGaps = (g: TGaps) => g.missing.length > 0 || g.partial.length > 0;

export const guardrailScpBaseline: TCheck = {
  definition: {
    id: GUARDRAIL_SCP_BASELINE,
    title: "Baseline SCP guardrails",
    category: "organization",
    defaultSeverity: "high",
    evidenceKind: "organization",
    remediation:
      "Attach an SCP to Root (or to every OU) that denies the baseline actions (by default iam:CreateUser, iam:CreateAccessKey and " +
      "organizations:LeaveOrganization) without conditions. An exception for the platform's break-glass role keeps it partial: " +
      "reported at low severity so the exception stays reviewed (mute it with a reason once accepted).",
  },
  run(snap, settings) {
    const index = indexSnapshot(snap);
    const scps = indexScps(snap);
    const actions = settings.scpBaselineDeniedActions;
    // Reported where the exposure is: at the OU holding unprotected accounts, so a gap at Root
    // covered by every child OU's own SCP raises nothing.
    const exposedByOu = new Map<string, { account: TAccount; gaps: TGaps }[]>();
    for (const account of index.memberAccounts) {
      const gaps = gapsOf(scps, [...index.ouPathIdsOf(account.parentId), account.id], actions);
      if (!hasGaps(gaps)) continue;
      exposedByOu.set(account.parentId, [
        ...(exposedByOu.get(account.parentId) ?? []),
        { account, gaps },
      ]);
    }
    const out: TFinding[] = [];
    for (const [ouId, exposed] of exposedByOu) {
      const ouGaps = gapsOf(scps, index.ouPathIdsOf(ouId), actions);
      const ouPath = index.paths.get(ouId)?.path ?? ouId;
      for (const { account, gaps } of exposed) {
        if (hasGaps(ouGaps)) continue;
        out.push(finding(null, account.id, `${account.name} (${account.id})`, gaps, { ouPath }));
      }
      if (!hasGaps(ouGaps)) continue;
      const accounts = exposed.map((e) => e.account.id);
      out.push(
        finding(ouId, null, `OU ${ouPath}`, ouGaps, {
          ouPath,
          exposedAccounts: accounts.length,
          accounts: accounts.slice(0, 50),
        }),
      );
    }
    return out;
  },
};

function severityOf(gaps: TGaps): TSeverity {
  if (gaps.missing.length) return "high";
  return gaps.partial.every((p) => p.denies.every((d) => d.principalExclusionOnly))
    ? "low"
    : "medium";
}

function finding(
  ouId: string | null,
  accountId: string | null,
  label: string,
  gaps: TGaps,
  evidence: TFinding["evidence"],
): TFinding {
  const parts = [
    gaps.missing.length ? `do not deny ${gaps.missing.join(", ")}` : null,
    gaps.partial.length
      ? `deny ${gaps.partial.map((p) => p.action).join(", ")} only under a condition or on some resources (${[...new Set(gaps.partial.flatMap((p) => p.denies.map((d) => d.policy)))].join(", ")})`
      : null,
  ].filter(Boolean);
  return {
    checkId: GUARDRAIL_SCP_BASELINE,
    accountId,
    ouId,
    resource: "",
    severity: severityOf(gaps),
    title: gaps.missing.length
      ? `${label}: baseline guardrails missing`
      : `${label}: baseline guardrails partial`,
    message: `The effective SCPs of ${label} (inherited from Root and parent OUs) ${parts.join(", and ")}.`,
    evidence: {
      ...evidence,
      missingDenies: gaps.missing,
      partialDenies: gaps.partial.map((p) => ({
        action: p.action,
        policies: p.denies.map((d) => ({
          policy: d.policy,
          condition: d.condition,
          resources: d.resources,
        })),
      })),
    },
  };
}
