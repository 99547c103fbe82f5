import { ZCloudTrailDetail, actorOf, isCloudTrailDetailType } from "@/lib/domain/events/cloudtrail";
import { interpretEvent } from "@/lib/domain/events/interpret-event";
import type { Prisma } from "@/lib/generated/prisma/client";
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
    case "ignore":
      return { status: "ignored", outcome: change.why };
  }
}
