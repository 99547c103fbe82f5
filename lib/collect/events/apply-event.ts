import { ZCloudTrailDetail, actorOf, isCloudTrailDetailType } from "@/lib/domain/events/cloudtrail";
import { interpretEvent } from "@/lib/domain/events/interpret-event";
import type { Prisma } from "@/lib/generated/prisma/client";
import { applyBucketPolicyEvent } from "./apply-bucket-policy-event";
import { applyIamUserEvent } from "./apply-iam-user-event";
import { applyOrgEvent } from "./apply-org-event";
import { applyRoleTrustEvent } from "./apply-role-trust-event";
import { applyScpEvent } from "./apply-scp-event";
import { applyTrailEvent } from "./apply-trail-event";

export interface TApplied {
  status: "applied" | "ignored";
  outcome: string;
  /** FindingEvent ids that may alert (opened or reopened). */
  alert?: bigint[];
}

export interface TStoredEvent {
  id: string;
  detailType: string;
  accountId: string;
  eventTime: Date;
  detail: unknown;
}

/** One stored event → its change in the database (inside the caller's transaction). */
export async function applyEvent(
  tx: Prisma.TransactionClient,
  ev: TStoredEvent,
): Promise<TApplied> {
  if (!isCloudTrailDetailType(ev.detailType))
    return { status: "ignored", outcome: `"${ev.detailType}" events are not acted on` };
  const detail = ZCloudTrailDetail.parse(ev.detail);
  const change = interpretEvent(ev.accountId, detail);
  const origin = {
    eventId: detail.eventID ?? ev.id,
    eventName: detail.eventName,
    actor: actorOf(detail),
    at: ev.eventTime,
  };
  // Organizations changes are made (and logged) by the management account; LeaveOrganization by the
  // account that leaves. The rule in docs/events.md forwards events from every account: one a member
  // account emits (or a forwarder mislabels) never moves, removes or adds accounts, nor touches SCPs.
  // (AcceptHandshake and LeaveOrganization are called by the member account itself: emitted there.)
  const byMember =
    detail.eventName === "AcceptHandshake" || detail.eventName === "LeaveOrganization";
  if (
    (change.kind === "account-joined" ||
      change.kind === "account-moved" ||
      change.kind === "scp" ||
      change.kind === "account-left") &&
    !byMember
  ) {
    const management = await tx.account.findFirst({
      where: { isManagement: true, removedAt: null },
      select: { id: true },
    });
    const emitters = new Set([ev.accountId, detail.recipientAccountId ?? ev.accountId]);
    if (!management || emitters.size !== 1 || !emitters.has(management.id))
      return {
        status: "ignored",
        outcome: `Organizations ${detail.eventName} not emitted by the management account`,
      };
  }
  if (
    (change.kind === "account-left" || change.kind === "account-joined") &&
    byMember &&
    change.accountId !== ev.accountId
  )
    return { status: "ignored", outcome: `${detail.eventName} not emitted by the account itself` };
  // A bucket policy call is made in the bucket owner's account and recorded there: an event whose
  // envelope and record name different accounts stands for no bucket OrgLens knows.
  if (
    change.kind === "bucket-policy" &&
    detail.recipientAccountId !== undefined &&
    detail.recipientAccountId !== ev.accountId
  )
    return { status: "ignored", outcome: `${detail.eventName} recorded for another account` };
  switch (change.kind) {
    case "iam-user":
      return applyIamUserEvent(tx, change, origin);
    case "account-joined":
    case "account-moved":
    case "account-left":
      return applyOrgEvent(tx, change, origin);
    case "trail":
      return applyTrailEvent(tx, change, origin);
    case "role-trust":
      return applyRoleTrustEvent(tx, change, origin);
    case "scp":
      return applyScpEvent(tx, change, origin);
    case "bucket-policy":
      return applyBucketPolicyEvent(tx, change, origin);
    case "ignore":
      return { status: "ignored", outcome: change.why };
  }
}
