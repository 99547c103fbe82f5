// An IAM user nobody has used for months is an unowned credential waiting to be found.
import type { TCheck, TFinding } from "./types";
import { daysBetween } from "./types";
import { indexSnapshot } from "./org-index";

export const IAM_STALE_USERS = "IAM_STALE_USERS";

export const iamStaleUsers: TCheck = {
  definition: {
    id: IAM_STALE_USERS,
    title: "Inactive IAM users",
    category: "identity-access",
    defaultSeverity: "low",
    evidenceKind: "account-audit",
    remediation:
      "Disable the console password and deactivate the keys of inactive users, confirm with the owner, then delete the users.",
  },
  run(snap, settings, ctx) {
    const out: TFinding[] = [];
    for (const { account, audit } of indexSnapshot(snap).audited) {
      for (const user of audit.iamUsers) {
        const activity = [
          user.createdAt,
          user.passwordLastUsed,
          ...user.accessKeys.map((k) => k.lastUsed),
        ].filter((d): d is string => d !== null);
        const last = activity.reduce((a, b) => (new Date(b) > new Date(a) ? b : a), user.createdAt);
        const idleDays = daysBetween(new Date(last), ctx.now);
        if (idleDays <= settings.staleUserDays) continue;
        const usable = user.passwordEnabled || user.accessKeys.some((k) => k.active);
        out.push({
          checkId: IAM_STALE_USERS,
          accountId: account.id,
          ouId: null,
          resource: user.arn,
          severity: usable ? "medium" : "low",
          title: `IAM user ${user.userName} inactive for ${idleDays} days`,
          message: `IAM user ${user.userName} in ${account.name} (${account.id}) has not signed in or used a key for ${idleDays} days (limit ${settings.staleUserDays})${usable ? " but can still sign in or call APIs" : ""}.`,
          evidence: {
            account: account.id,
            userName: user.userName,
            createdAt: user.createdAt,
            passwordLastUsed: user.passwordLastUsed,
            keysLastUsed: user.accessKeys.map((k) => k.lastUsed),
            lastActivity: last,
            idleDays,
          },
        });
      }
    }
    return out;
  },
};
