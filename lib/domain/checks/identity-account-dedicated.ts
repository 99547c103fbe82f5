// Identity Center should be administered from a dedicated account in the Security or Infrastructure
// OU, not the management account (whose access cannot be limited by SCPs) nor one running workloads.
import { Decimal } from "decimal.js";
import type { TCheck, TFinding, TSeverity } from "./types";
import { indexSnapshot } from "./org-index";
import { indexCosts, spendOn } from "./costs";
import { ouHasClass } from "./ou-classes";
import { isIdentitySecurityService } from "./services";

export const IDENTITY_ACCOUNT_DEDICATED = "IDENTITY_ACCOUNT_DEDICATED";
export const IDENTITY_CENTER_PRINCIPAL = "sso.amazonaws.com";

export const identityAccountDedicated: TCheck = {
  definition: {
    id: IDENTITY_ACCOUNT_DEDICATED,
    title: "Identity Center administered from a dedicated account",
    category: "identity-access",
    defaultSeverity: "high",
    evidenceKind: "organization",
    remediation:
      "Register a dedicated account in the Security or Infrastructure OU as Identity Center delegated administrator " +
      "(organizations register-delegated-administrator --service-principal sso.amazonaws.com) and run no workloads in it.",
  },
  run(snap, settings) {
    const index = indexSnapshot(snap);
    const admins = snap.delegatedAdmins.filter((d) => d.servicePrincipal === IDENTITY_CENTER_PRINCIPAL);
    const base = { checkId: IDENTITY_ACCOUNT_DEDICATED, ouId: null };
    if (!admins.length) {
      return [
        {
          ...base,
          accountId: null,
          resource: "delegated-admin",
          severity: "medium",
          title: "No Identity Center delegated administrator",
          message: "No account is registered as delegated administrator for IAM Identity Center, so it is administered from the management account.",
          evidence: { servicePrincipal: IDENTITY_CENTER_PRINCIPAL, delegatedAdmins: [] },
        },
      ];
    }
    const costs = indexCosts(snap, settings);
    const out: TFinding[] = [];
    for (const admin of admins) {
      const account = index.accountById.get(admin.accountId);
      const problems: { text: string; severity: TSeverity }[] = [];
      if (admin.accountId === index.managementAccountId) problems.push({ text: "it is the management account", severity: "high" });
      else if (account && !ouHasClass(index, account.parentId, "security") && !ouHasClass(index, account.parentId, "infrastructure")) {
        problems.push({ text: "it sits outside the Security and Infrastructure OUs", severity: "medium" });
      }
      const other = spendOn(costs.spendByAccount.get(admin.accountId), (s) => !isIdentitySecurityService(s));
      if (admin.accountId !== index.managementAccountId && other.amount.gt(new Decimal(settings.identityAccountMaxWorkloadSpend))) {
        problems.push({ text: `it spent ${other.amount.toFixed(2)} USD on other services in ${costs.month?.month ?? "the last month"}`, severity: "medium" });
      }
      if (!problems.length) continue;
      out.push({
        ...base,
        accountId: admin.accountId,
        resource: "",
        severity: problems.some((p) => p.severity === "high") ? "high" : "medium",
        title: `Identity Center administered from ${account?.name ?? admin.accountId}, which is not dedicated`,
        message: `Identity Center's delegated administrator ${account?.name ?? ""} (${admin.accountId}) is not a dedicated identity account: ${problems.map((p) => p.text).join("; ")}.`,
        evidence: {
          servicePrincipal: IDENTITY_CENTER_PRINCIPAL,
          account: admin.accountId,
          ouPath: account ? (index.paths.get(account.parentId)?.path ?? account.parentId) : null,
          otherServiceSpend: other.services,
          month: costs.month?.month ?? null,
          estimated: costs.month?.estimated ?? null,
          problems: problems.map((p) => p.text),
        },
      });
    }
    return out;
  },
};
