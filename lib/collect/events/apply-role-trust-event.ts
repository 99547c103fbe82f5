import { ZJson } from "@/lib/domain/json";
import { iamCrossAccountTrust } from "@/lib/domain/checks/iam-cross-account-trust";
import { iamLateralAdminTrust } from "@/lib/domain/checks/iam-lateral-admin-trust";
import type { TEventChange } from "@/lib/domain/events/interpret-event";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TEventOrigin } from "./event-source";
import type { TApplied } from "./apply-event";
import { judgeStoredState, mergeApplied } from "./judge-stored-state";

type TRoleTrustChange = Extract<TEventChange, { kind: "role-trust" }>;

const TRUST_CHECKS = [iamCrossAccountTrust, iamLateralAdminTrust];

/**
 * UpdateAssumeRolePolicy replaces the stored role's trust policy, then the trust checks judge the role
 * exactly as the next collection will: over the stored state (the role's attached and inline policies,
 * the accounts, their OUs and environment tags, the settings) with the new trust policy. What they find
 * opens or updates the same finding (same fingerprint); the next collection confirms or corrects it.
 */
export async function applyRoleTrustEvent(
  tx: Prisma.TransactionClient,
  change: TRoleTrustChange,
  origin: TEventOrigin,
): Promise<TApplied> {
  const key = { accountId: change.accountId, roleName: change.roleName };
  const [role, account] = await Promise.all([
    tx.iamRole.findUnique({ where: { accountId_roleName: key }, select: { arn: true } }),
    tx.account.findFirst({
      where: { id: change.accountId, removedAt: null, status: "ACTIVE", auditStatus: "audited" },
      select: { id: true },
    }),
  ]);
  if (!account)
    return ignored(`account ${change.accountId} is not an audited account of the organization`);
  if (!role) return ignored(`role ${change.roleName} is not collected yet: the next run reads it`);
  await tx.iamRole.update({
    where: { accountId_roleName: key },
    data: { trustPolicy: ZJson.parse(change.trustPolicy) },
  });
  const results = await judgeStoredState(
    tx,
    TRUST_CHECKS,
    origin,
    (f) => f.accountId === change.accountId && f.resource === role.arn,
  );
  return mergeApplied(
    results,
    `the new trust policy of ${change.roleName} opens nothing; the next run resolves what it fixed`,
  );
}

const ignored = (outcome: string): TApplied => ({ status: "ignored", outcome });
