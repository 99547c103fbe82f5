import { randomUUID } from "node:crypto";
import { IAM_LOCAL_USERS, localUserFinding } from "@/lib/domain/checks/iam-local-users";
import { checkDefinition } from "@/lib/domain/checks";
import { fingerprintOf, type TFinding } from "@/lib/domain/checks/types";
import type { TEventChange } from "@/lib/domain/events/interpret-event";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NO_RUN_ID, originDetail, type TEventOrigin } from "./event-source";
import type { TApplied } from "./apply-event";

type TIamUserChange = Extract<TEventChange, { kind: "iam-user" }>;

const bool = (v: unknown) => v === true;
const count = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);

/**
 * A user created, or given a password or access key, in an active account of the organization opens
 * (or updates, or reopens) the same IAM_LOCAL_USERS finding the collection writes for that user, so
 * the next run confirms it (same fingerprint) or resolves it (the user is gone).
 */
export async function applyIamUserEvent(
  tx: Prisma.TransactionClient,
  change: TIamUserChange,
  origin: TEventOrigin,
): Promise<TApplied> {
  const account = await tx.account.findFirst({
    where: { id: change.accountId, removedAt: null, status: "ACTIVE" },
    select: { id: true, name: true, isManagement: true },
  });
  if (!account)
    return {
      status: "ignored",
      outcome: `account ${change.accountId} is not an active account of the organization`,
    };
  const fingerprint = fingerprintOf({
    checkId: IAM_LOCAL_USERS,
    accountId: account.id,
    ouId: null,
    resource: change.arn,
  });
  const stored = await tx.finding.findUnique({
    where: { fingerprint },
    select: { id: true, status: true, evidence: true },
  });
  // A resolved finding's user was deleted: what it had then does not carry over to a new one.
  const prev =
    stored?.status === "open" &&
    typeof stored.evidence === "object" &&
    stored.evidence !== null &&
    !Array.isArray(stored.evidence)
      ? stored.evidence
      : {};
  const finding = localUserFinding(account, account.isManagement, {
    userName: change.userName,
    arn: change.arn,
    passwordEnabled: bool(prev["passwordEnabled"]) || change.grant === "password",
    mfaActive: bool(prev["mfaActive"]),
    activeKeys: count(prev["activeAccessKeys"]) + (change.grant === "access-key" ? 1 : 0),
  });
  return writeEventFinding(tx, finding, stored, origin);
}

/** Opens, reopens or updates one finding from an event, with its history row (source "event"). */
export async function writeEventFinding(
  tx: Prisma.TransactionClient,
  finding: TFinding,
  stored: { id: string; status: string } | null,
  origin: TEventOrigin,
): Promise<TApplied> {
  const evidence = { ...finding.evidence, source: "event", eventId: origin.eventId };
  const fields = {
    severity: finding.severity,
    title: finding.title,
    message: finding.message,
    evidence,
    lastSeenAt: origin.at,
  };
  const detail = { ...originDetail(origin), severity: finding.severity };
  if (!stored) {
    const id = randomUUID();
    await tx.finding.create({
      data: {
        id,
        fingerprint: fingerprintOf(finding),
        checkId: finding.checkId,
        category: checkDefinition(finding.checkId)?.category ?? "organization",
        accountId: finding.accountId,
        ouId: finding.ouId,
        resource: finding.resource,
        status: "open",
        firstSeenRunId: NO_RUN_ID,
        lastSeenRunId: NO_RUN_ID,
        firstSeenAt: origin.at,
        ...fields,
      },
    });
    const ev = await tx.findingEvent.create({
      data: { findingId: id, kind: "opened", at: origin.at, actor: origin.actor, detail },
      select: { id: true },
    });
    return { status: "applied", outcome: `opened ${finding.checkId} finding`, alert: [ev.id] };
  }
  const reopened = stored.status !== "open";
  await tx.finding.update({
    where: { id: stored.id },
    data: {
      ...fields,
      stale: false,
      ...(reopened ? { status: "open", resolvedAt: null, reopenedCount: { increment: 1 } } : {}),
    },
  });
  const ev = await tx.findingEvent.create({
    data: {
      findingId: stored.id,
      kind: reopened ? "reopened" : "updated",
      at: origin.at,
      actor: origin.actor,
      detail,
    },
    select: { id: true },
  });
  return {
    status: "applied",
    outcome: `${reopened ? "reopened" : "updated"} ${finding.checkId} finding`,
    alert: reopened ? [ev.id] : [],
  };
}
