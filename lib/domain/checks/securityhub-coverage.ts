// Detective controls only help where they run: every account must report to the Security Hub
// aggregator. Any active critical finding needs an owner now; a few high ones are the normal
// backlog of most accounts, so only a backlog above the tolerance is reported.
import type { TCheck, TFinding } from "./types";
import { indexSnapshot } from "./org-index";

export const SECURITYHUB_COVERAGE = "SECURITYHUB_COVERAGE";

export const securityHubCoverage: TCheck = {
  definition: {
    id: SECURITYHUB_COVERAGE,
    title: "Security Hub coverage and open findings",
    category: "logging",
    defaultSeverity: "medium",
    evidenceKind: "account-audit",
    remediation:
      "Enable Security Hub in every account and region through the delegated administrator's central configuration, " +
      "and triage active critical findings at once and high ones within the agreed backlog.",
  },
  run(snap, settings) {
    const out: TFinding[] = [];
    for (const { account, audit } of indexSnapshot(snap).audited) {
      const hub = audit.securityHub;
      if (!hub?.enabled) {
        out.push({
          checkId: SECURITYHUB_COVERAGE,
          accountId: account.id,
          ouId: null,
          resource: "",
          severity: "medium",
          title: `${account.name} is not covered by Security Hub`,
          message: `${account.name} (${account.id}) does not report to the Security Hub aggregator.`,
          evidence: { account: account.id, securityHub: hub ? "disabled" : "not found" },
        });
        continue;
      }
      const { critical, high } = hub.findings;
      if (critical === 0 && high <= settings.securityHubMaxActiveHigh) continue;
      out.push({
        checkId: SECURITYHUB_COVERAGE,
        accountId: account.id,
        ouId: null,
        resource: "active-findings",
        severity: critical > 0 ? "high" : "medium",
        title: `${critical + high} critical/high Security Hub findings in ${account.name}`,
        message:
          `${account.name} (${account.id}) has ${critical} critical and ${high} high active Security Hub findings` +
          (critical === 0
            ? `, above the tolerance of ${settings.securityHubMaxActiveHigh} high.`
            : "."),
        evidence: {
          account: account.id,
          ...hub.findings,
          maxActiveHigh: settings.securityHubMaxActiveHigh,
        },
      });
    }
    return out;
  },
};
