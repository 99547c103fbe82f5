// IAM users are long-term identities that bypass the identity provider; access should come through
// Identity Center roles. A user in the management account is worse: it reaches the whole organization.
import type { TCheck, TFinding } from "./types";
import { indexSnapshot } from "./org-index";

export const IAM_LOCAL_USERS = "IAM_LOCAL_USERS";

export interface TLocalUser {
  userName: string;
  arn: string;
  passwordEnabled: boolean;
  mfaActive: boolean;
  activeKeys: number;
}

/** The finding for one IAM user: shared with the event ingestion, so an event and the next run agree. */
export function localUserFinding(
  account: { id: string; name: string },
  management: boolean,
  user: TLocalUser,
): TFinding {
  const { activeKeys } = user;
  const usable = user.passwordEnabled || activeKeys > 0;
  const severity = management ? (usable ? "critical" : "high") : usable ? "high" : "medium";
  const access = [
    user.passwordEnabled ? "a console password" : null,
    activeKeys ? `${activeKeys} active access key(s)` : null,
  ]
    .filter(Boolean)
    .join(" and ");
  return {
    checkId: IAM_LOCAL_USERS,
    accountId: account.id,
    ouId: null,
    resource: user.arn,
    severity,
    title: management
      ? `IAM user ${user.userName} in the management account`
      : `IAM user ${user.userName}`,
    message: `${account.name} (${account.id}) has IAM user ${user.userName}${access ? ` with ${access}` : " (no password, no active key)"}${user.passwordEnabled && !user.mfaActive ? ", without MFA" : ""}.`,
    evidence: {
      account: account.id,
      managementAccount: management,
      userName: user.userName,
      arn: user.arn,
      passwordEnabled: user.passwordEnabled,
      mfaActive: user.mfaActive,
      activeAccessKeys: activeKeys,
    },
  };
}

export const iamLocalUsers: TCheck = {
  definition: {
    id: IAM_LOCAL_USERS,
    title: "IAM users in member accounts",
    category: "identity-access",
    defaultSeverity: "medium",
    evidenceKind: "account-audit",
    remediation:
      "Replace IAM users with Identity Center permission sets (people) or IAM roles (workloads, CI through OIDC). " +
      "Remove console passwords and access keys first, then delete the user. Keep break-glass access in the management account only, with MFA and alarms.",
  },
  run(snap) {
    const index = indexSnapshot(snap);
    const out: TFinding[] = [];
    for (const { account, audit } of index.audited) {
      const management = account.id === index.managementAccountId;
      for (const user of audit.iamUsers)
        out.push(
          localUserFinding(account, management, {
            userName: user.userName,
            arn: user.arn,
            passwordEnabled: user.passwordEnabled,
            mfaActive: user.mfaActive,
            activeKeys: user.accessKeys.filter((k) => k.active).length,
          }),
        );
    }
    return out;
  },
};
