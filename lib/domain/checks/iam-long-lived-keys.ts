// Long-term access keys leak and stay valid until someone rotates them. Each active key is judged on
// its own: a user's second key is as dangerous as the first.
import type { TCheck, TFinding } from "./types";
import { daysBetween } from "./types";
import { indexSnapshot } from "./org-index";

export const IAM_LONG_LIVED_KEYS = "IAM_LONG_LIVED_KEYS";

export const iamLongLivedKeys: TCheck = {
  definition: {
    id: IAM_LONG_LIVED_KEYS,
    title: "Access keys not rotated or unused",
    category: "identity-access",
    defaultSeverity: "high",
    evidenceKind: "account-audit",
    remediation:
      "Deactivate unused keys, then delete them. Replace the rest with role-based, temporary credentials " +
      "(IAM Roles Anywhere, OIDC federation for CI); if a key must stay, rotate it within the maximum key age.",
  },
  run(snap, settings, ctx) {
    const out: TFinding[] = [];
    for (const { account, audit } of indexSnapshot(snap).audited) {
      for (const user of audit.iamUsers) {
        for (const key of user.accessKeys) {
          if (!key.active) continue;
          // Without a rotation date the key is at least as old as its user.
          const issued = new Date(key.lastRotated ?? user.createdAt);
          const ageDays = daysBetween(issued, ctx.now);
          const unusedDays = daysBetween(
            new Date(key.lastUsed ?? key.lastRotated ?? user.createdAt),
            ctx.now,
          );
          const tooOld = ageDays > settings.keyMaxAgeDays;
          const unused = unusedDays > settings.keyMaxUnusedDays;
          if (!tooOld && !unused) continue;
          const label = key.keyId ?? `key ${key.slot}`;
          const reasons = [
            tooOld ? `not rotated for ${ageDays} days (max ${settings.keyMaxAgeDays})` : null,
            unused
              ? key.lastUsed
                ? `unused for ${unusedDays} days (max ${settings.keyMaxUnusedDays})`
                : `never used in ${unusedDays} days`
              : null,
          ].filter((r): r is string => r !== null);
          out.push({
            checkId: IAM_LONG_LIVED_KEYS,
            accountId: account.id,
            ouId: null,
            // The slot, not the key id: rotating the key in place resolves the finding.
            resource: `${user.arn}#key${key.slot}`,
            severity: tooOld ? "high" : "medium",
            title: `Access key ${label} of ${user.userName}: ${tooOld ? "not rotated" : "unused"}`,
            message: `Access key ${label} of IAM user ${user.userName} in ${account.name} (${account.id}) is ${reasons.join(" and ")}.`,
            evidence: {
              account: account.id,
              userName: user.userName,
              slot: key.slot,
              keyId: key.keyId,
              lastRotated: key.lastRotated,
              lastUsed: key.lastUsed,
              ageDays,
              unusedDays,
            },
          });
        }
      }
    }
    return out;
  },
};
