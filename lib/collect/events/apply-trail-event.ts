import { LOG_ORG_TRAIL, orgTrailFindings } from "@/lib/domain/checks/log-org-trail";
import { fingerprintOf } from "@/lib/domain/checks/types";
import type { TEventChange } from "@/lib/domain/events/interpret-event";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TEventOrigin } from "./event-source";
import type { TApplied } from "./apply-event";
import { writeEventFinding } from "./apply-iam-user-event";

type TTrailChange = Extract<TEventChange, { kind: "trail" }>;

/**
 * StopLogging, DeleteTrail or UpdateTrail on an organization trail: the stored trail evidence takes the
 * change, and the LOG_ORG_TRAIL finding is computed from it as the check computes it (none while
 * another organization trail still records everything). A member account's own trail is ignored.
 */
export async function applyTrailEvent(
  tx: Prisma.TransactionClient,
  change: TTrailChange,
  origin: TEventOrigin,
): Promise<TApplied> {
  const orgTrails = await tx.trail.findMany({ where: { isOrganizationTrail: true } });
  // By ARN, or by name only in the account that owns the trail: a member account's own trail of the
  // same name (a look-alike, or a decoy) never stands in for the organization trail.
  const hit = orgTrails.filter(
    (t) => t.arn === change.trail || (t.name === change.trail && t.accountId === change.accountId),
  );
  if (!hit.length)
    return { status: "ignored", outcome: `${change.trail} is not a known organization trail` };
  const arns = hit.map((t) => t.arn);
  if (change.action === "deleted") await tx.trail.deleteMany({ where: { arn: { in: arns } } });
  else
    await tx.trail.updateMany({
      where: { arn: { in: arns } },
      data: change.action === "stopped" ? { isLogging: false } : change.set,
    });
  const [trails, management, audited] = await Promise.all([
    tx.trail.findMany({ where: { isOrganizationTrail: true }, orderBy: { arn: "asc" } }),
    tx.account.findFirst({ where: { isManagement: true, removedAt: null }, select: { id: true } }),
    tx.account.count({ where: { auditStatus: "audited", removedAt: null } }),
  ]);
  if (!management) return { status: "ignored", outcome: "no management account collected yet" };
  const [finding] = orgTrailFindings(management.id, trails, audited);
  if (!finding)
    return {
      status: "applied",
      outcome: `trail ${change.trail} ${change.action}; another organization trail still records everything`,
    };
  const stored = await tx.finding.findUnique({
    where: {
      fingerprint: fingerprintOf({
        checkId: LOG_ORG_TRAIL,
        accountId: management.id,
        ouId: null,
        resource: "",
      }),
    },
    select: { id: true, status: true },
  });
  return writeEventFinding(tx, finding, stored, origin);
}
