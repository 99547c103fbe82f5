// One organization trail, in every region, logging management events: the audit record of every
// account, which member accounts cannot switch off.
import type { TTrail } from "@/lib/domain/snapshot";
import type { TCheck, TFinding } from "./types";
import { indexSnapshot } from "./org-index";

export const LOG_ORG_TRAIL = "LOG_ORG_TRAIL";

export function isCompliantOrgTrail(t: TTrail): boolean {
  return t.isOrganizationTrail && t.isMultiRegion && t.isLogging && t.includesManagementEvents;
}

/** Organization trails seen by any audited account (member accounts see them too), by ARN. */
export function orgTrailsOf(snap: Parameters<typeof indexSnapshot>[0]): TTrail[] {
  const byArn = new Map<string, TTrail>();
  for (const { audit } of indexSnapshot(snap).audited)
    for (const t of audit.trails) if (t.isOrganizationTrail) byArn.set(t.arn, t);
  return [...byArn.values()].toSorted((a, b) => a.arn.localeCompare(b.arn));
}

function defectsOf(t: TTrail): string[] {
  return [
    !t.isMultiRegion ? "single-region" : null,
    !t.isLogging ? "not logging" : null,
    !t.includesManagementEvents ? "no management events" : null,
  ].filter((d): d is string => d !== null);
}

/**
 * The finding for the organization trails seen (none when one records everything): shared with the
 * event ingestion, so a StopLogging event and the next run write the same finding.
 */
export function orgTrailFindings(
  managementAccountId: string,
  trails: readonly TTrail[],
  auditedAccounts: number,
): TFinding[] {
  if (trails.some(isCompliantOrgTrail)) return [];
  const message = trails.length
    ? `No organization trail records everything: ${trails.map((t) => `${t.name} is ${defectsOf(t).join(", ")}`).join("; ")}.`
    : "No organization trail exists: activity in member accounts is only recorded where they configured their own trails.";
  return [
    {
      checkId: LOG_ORG_TRAIL,
      accountId: managementAccountId,
      ouId: null,
      resource: "",
      severity: "high",
      title: trails.length
        ? "The organization trail does not record everything"
        : "No organization trail",
      message,
      evidence: {
        orgTrails: trails.map((t) => ({
          arn: t.arn,
          homeRegion: t.homeRegion,
          defects: defectsOf(t),
        })),
        auditedAccounts,
      },
    },
  ];
}

export const logOrgTrail: TCheck = {
  definition: {
    id: LOG_ORG_TRAIL,
    title: "Organization CloudTrail",
    category: "logging",
    defaultSeverity: "high",
    evidenceKind: "account-audit",
    remediation:
      "Create (or fix) an organization trail from the management account: multi-region, logging, management events " +
      "(read and write) included, delivering to the log-archive account's bucket.",
  },
  run(snap) {
    const index = indexSnapshot(snap);
    // Without any audited account there is no evidence either way: keep the last known state.
    if (!index.audited.length) return [];
    return orgTrailFindings(index.managementAccountId, orgTrailsOf(snap), index.audited.length);
  },
};
