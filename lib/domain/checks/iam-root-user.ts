// The root user of every account, from the IAM credential report's <root_account> row: root access
// keys are never needed (critical), root without MFA is one phished password from the whole account
// (high), and any recent use means someone works as root instead of through roles (medium).
import type { TCheck, TFinding, TSeverity } from "./types";
import { daysBetween, maxSeverity } from "./types";
import { indexSnapshot } from "./org-index";

export const IAM_ROOT_USER = "IAM_ROOT_USER";

const latest = (dates: readonly (string | null)[]): string | null =>
  dates.reduce<string | null>(
    (best, d) => (d !== null && (best === null || d > best) ? d : best),
    null,
  );

export const iamRootUser: TCheck = {
  definition: {
    id: IAM_ROOT_USER,
    title: "Root user without access keys, with MFA, unused",
    category: "identity-access",
    defaultSeverity: "high",
    evidenceKind: "account-audit",
    remediation:
      "Delete the root user's access keys, enable MFA on the root user (or remove member accounts' root credentials with " +
      "centralized root access management), and do the work through roles; reserve root for the few tasks that need it.",
  },
  run(snap, settings, ctx) {
    const index = indexSnapshot(snap);
    const out: TFinding[] = [];
    for (const { account, audit } of index.audited) {
      const root = audit.rootUser;
      if (!root) continue;
      const problems: { text: string; severity: TSeverity }[] = [];
      const activeKeys = root.accessKeys.filter((k) => k.active);
      if (activeKeys.length)
        problems.push({
          text: `it has ${activeKeys.length} active access key${activeKeys.length > 1 ? "s" : ""}`,
          severity: "critical",
        });
      if (!root.mfaActive) problems.push({ text: "MFA is not enabled", severity: "high" });
      const lastUsed = latest([root.passwordLastUsed, ...root.accessKeys.map((k) => k.lastUsed)]);
      if (lastUsed && daysBetween(new Date(lastUsed), ctx.now) <= settings.rootRecentUseDays) {
        problems.push({
          text: `it was used on ${lastUsed.slice(0, 10)}, within the last ${settings.rootRecentUseDays} days`,
          severity: "medium",
        });
      }
      if (!problems.length) continue;
      out.push({
        checkId: IAM_ROOT_USER,
        accountId: account.id,
        ouId: null,
        resource: root.arn,
        severity: maxSeverity(
          problems.map((p) => p.severity),
          "high",
        ),
        title: `Root user of ${account.name}: ${problems.map((p) => p.text).join("; ")}`,
        message: `The root user of ${account.name} (${account.id}): ${problems.map((p) => p.text).join("; ")}.`,
        evidence: {
          account: account.id,
          mfaActive: root.mfaActive,
          passwordLastUsed: root.passwordLastUsed,
          accessKeys: root.accessKeys.map((k) => ({
            slot: k.slot,
            active: k.active,
            lastRotated: k.lastRotated,
            lastUsed: k.lastUsed,
          })),
          lastUsed,
          recentUseDays: settings.rootRecentUseDays,
          problems: problems.map((p) => p.text),
        },
      });
    }
    return out;
  },
};
