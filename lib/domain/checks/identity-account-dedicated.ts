// Identity Center should be administered from a dedicated account in the Security or Infrastructure
// OU, not the management account (whose access cannot be limited by SCPs) nor one running workloads.
import { Decimal } from "decimal.js";
import type { TCheck, TFinding, TSeverity } from "./types";
import { indexSnapshot } from "./org-index";
import { indexCosts, spendOn } from "./costs";
import { ouHasClass } from "./ou-classes";
import { isIdentitySecurityService } from "./services";
import type { TSettings } from "@/lib/domain/settings";
import type { TSnapshot } from "@/lib/domain/snapshot";

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
    const admins = snap.delegatedAdmins.filter(
      (d) => d.servicePrincipal === IDENTITY_CENTER_PRINCIPAL,
    );
    const base = { checkId: IDENTITY_ACCOUNT_DEDICATED, ouId: null };
    if (!admins.length) {
      const mgmtAudit = index.audited.find(
        (a) => a.account.id === index.managementAccountId,
      )?.audit;
      // The organization instance always lives in the management account; without it, say what is true.
      if (!mgmtAudit?.identityCenterInstances.length)
        return withoutIdentityCenter(snap, settings, mgmtAudit !== undefined);
      return [
        {
          ...base,
          accountId: null,
          resource: "delegated-admin",
          severity: "medium",
          title: "No Identity Center delegated administrator",
          message:
            "No account is registered as delegated administrator for IAM Identity Center, so it is administered from the management account.",
          evidence: {
            servicePrincipal: IDENTITY_CENTER_PRINCIPAL,
            delegatedAdmins: [],
            instances: mgmtAudit.identityCenterInstances.map((i) => i.instanceArn),
          },
        },
      ];
    }
    const costs = indexCosts(snap, settings);
    const out: TFinding[] = [];
    for (const admin of admins) {
      const account = index.accountById.get(admin.accountId);
      const problems: { text: string; severity: TSeverity }[] = [];
      if (admin.accountId === index.managementAccountId)
        problems.push({ text: "it is the management account", severity: "high" });
      else if (
        account &&
        !ouHasClass(index, account.parentId, "security") &&
        !ouHasClass(index, account.parentId, "infrastructure")
      ) {
        problems.push({
          text: "it sits outside the Security and Infrastructure OUs",
          severity: "medium",
        });
      }
      const other = spendOn(
        costs.spendByAccount.get(admin.accountId),
        (s) => !isIdentitySecurityService(s),
      );
      if (
        admin.accountId !== index.managementAccountId &&
        other.amount.gt(new Decimal(settings.identityAccountMaxWorkloadSpend))
      ) {
        problems.push({
          text: `it spent ${other.amount.toFixed(2)} USD on other services in ${costs.month?.month ?? "the last month"}`,
          severity: "medium",
        });
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

// Identity Center's own SAML provider in each account, and OIDC issuers of workloads (CI, clusters):
// none of them is how people sign in.
const IDENTITY_CENTER_SAML = /^AWSSSO_[0-9a-f]+_DO_NOT_DELETE$/i;
const WORKLOAD_ISSUERS =
  /^(token\.actions\.githubusercontent\.com|gitlab\.com|app\.terraform\.io|oidc\.circleci\.com|vstoken\.dev\.azure\.com|api\.bitbucket\.org|oidc\.eks\.[a-z0-9-]+\.amazonaws\.com|cognito-identity\.amazonaws\.com)(\/|$)/i;

/** Without an organization instance of Identity Center: federation through a SAML or OIDC provider in one dedicated account is the other valid pattern. */
function withoutIdentityCenter(
  snap: TSnapshot,
  settings: TSettings,
  mgmtAudited: boolean,
): TFinding[] {
  const index = indexSnapshot(snap);
  const base = { checkId: IDENTITY_ACCOUNT_DEDICATED, ouId: null };
  const unknown = index.audited
    .filter((a) => a.audit.identityProviders === null)
    .map((a) => a.account.id);
  const workforce = index.audited.flatMap(({ account, audit }) =>
    (audit.identityProviders ?? [])
      .filter(
        (p) =>
          !(p.type === "SAML" && IDENTITY_CENTER_SAML.test(p.name)) &&
          !(p.type === "OIDC" && WORKLOAD_ISSUERS.test(p.name)),
      )
      .map((p) => ({ account, provider: p })),
  );
  const evidence = {
    servicePrincipal: IDENTITY_CENTER_PRINCIPAL,
    identityCenterInstance: null,
    managementAccountAudited: mgmtAudited,
    providers: workforce
      .slice(0, 50)
      .map((w) => ({ account: w.account.id, arn: w.provider.arn, type: w.provider.type })),
    providersNotCollected: unknown.slice(0, 50),
  };
  const finding = (
    severity: TSeverity,
    accountId: string | null,
    title: string,
    message: string,
  ): TFinding[] => [
    {
      ...base,
      accountId: null,
      resource: "identity-federation",
      severity,
      title,
      message,
      evidence: { ...evidence, account: accountId },
    },
  ];
  const accounts = [...new Map(workforce.map((w) => [w.account.id, w.account])).values()];
  if (!accounts.length) {
    if (unknown.length || !mgmtAudited) {
      return finding(
        "medium",
        null,
        "No IAM Identity Center instance found",
        `No IAM Identity Center organization instance was found${mgmtAudited ? "" : " (the management account was not audited)"}, and the identity providers of ${unknown.length} account(s) were not collected, so how people sign in is not known.`,
      );
    }
    return finding(
      "high",
      null,
      "No central identity",
      "The organization has no IAM Identity Center instance and no SAML or OIDC identity provider for people (CI and cluster issuers do not count): people sign in as IAM users, account by account.",
    );
  }
  if (accounts.length > 1) {
    return finding(
      "medium",
      null,
      `Federation spread over ${accounts.length} accounts`,
      `Without IAM Identity Center, identity providers for people are configured in ${accounts.length} accounts (${accounts.map((a) => a.name).join(", ")}) instead of one dedicated identity account.`,
    );
  }
  const [only] = accounts;
  if (!only) return [];
  if (only.id === index.managementAccountId) {
    return finding(
      "high",
      only.id,
      "Federation into the management account",
      `People federate through an identity provider in the management account (${only.id}), whose access SCPs cannot limit; use a dedicated identity account.`,
    );
  }
  const costs = indexCosts(snap, settings);
  const other = spendOn(costs.spendByAccount.get(only.id), (s) => !isIdentitySecurityService(s));
  const problems = [
    !ouHasClass(index, only.parentId, "security") &&
    !ouHasClass(index, only.parentId, "infrastructure")
      ? "it sits outside the Security and Infrastructure OUs"
      : null,
    other.amount.gt(new Decimal(settings.identityAccountMaxWorkloadSpend))
      ? `it spent ${other.amount.toFixed(2)} USD on other services`
      : null,
  ].filter((p): p is string => p !== null);
  if (!problems.length) return [];
  return finding(
    "medium",
    only.id,
    `Federation through ${only.name}, which is not a dedicated identity account`,
    `People federate through an identity provider in ${only.name} (${only.id}), which is not a dedicated identity account: ${problems.join("; ")}.`,
  );
}
