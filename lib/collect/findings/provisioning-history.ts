// Reads what the time-to-compliant KPIs derive from: the account creations in the window, the
// evaluated runs since the oldest of them (with the accounts each could not audit), the lifecycle
// events of those accounts' high and critical findings, the approvals of the requests behind them,
// and the CloudTrail events OrgLens applied that date their set-up and fixes to the second.
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  KPI,
  ORG_SCOPE,
  accountEventOf,
  deriveCompliance,
  type TAccountEvent,
  type TEvaluatedRun,
  type TKpiInput,
} from "@/lib/domain/kpis";
import { ZCloudTrailDetail, isCloudTrailDetailType } from "@/lib/domain/events/cloudtrail";
import { interpretEvent } from "@/lib/domain/events/interpret-event";

const DAY_MS = 86_400_000;
const ZMuteDetail = z.object({ until: z.iso.datetime().optional() }).loose();
/** Request states that mean "approved" (and maybe already provisioned); rejected ones never count. */
const APPROVED_STATES = ["approved", "provisioned", "compliant"];

export async function readProvisioningHistory(
  tx: Prisma.TransactionClient,
  opts: { now: Date; windowDays: number; currentRun: TEvaluatedRun },
): Promise<Pick<TKpiInput, "creations" | "compliance" | "approvals">> {
  const windowStart = new Date(opts.now.getTime() - opts.windowDays * DAY_MS);
  const rows = await tx.accountCreation.findMany({
    where: {
      state: "SUCCEEDED",
      accountId: { not: null },
      OR: [
        { completedAt: { gte: windowStart } },
        { completedAt: null, requestedAt: { gte: windowStart } },
      ],
    },
    select: { accountId: true, state: true, requestedAt: true, completedAt: true },
  });
  const creations = rows.filter(
    (c) => (c.completedAt ?? c.requestedAt).getTime() <= opts.now.getTime(),
  );
  const ids = [...new Set(creations.flatMap((c) => (c.accountId ? [c.accountId] : [])))];
  if (!ids.length) return { creations, compliance: [], approvals: [] };

  // Every evaluated run writes the org-wide KPIs: one ACCOUNTS_IN_ORG_PCT row per run.
  const runMarker = { scopeId: ORG_SCOPE, kpiId: KPI.ACCOUNTS_IN_ORG_PCT };
  const firstRun = await tx.kpiSnapshot.findFirst({
    where: runMarker,
    orderBy: { at: "asc" },
    select: { at: true },
  });
  const earliest = new Date(
    Math.min(...creations.map((c) => (c.completedAt ?? c.requestedAt).getTime())),
  );
  const pastRuns = await tx.kpiSnapshot.findMany({
    where: { ...runMarker, at: { gte: earliest, lt: opts.now } },
    select: { runId: true, at: true },
  });
  const failures = await tx.runAccountError.findMany({
    where: { runId: { in: pastRuns.map((r) => r.runId) }, phase: "audit", accountId: { in: ids } },
    select: { runId: true, accountId: true },
  });
  const findings = await tx.finding.findMany({
    where: { accountId: { in: ids }, severity: { in: ["high", "critical"] } },
    select: {
      accountId: true,
      severity: true,
      checkId: true,
      resource: true,
      events: { select: { kind: true, at: true, detail: true } },
    },
  });
  const requests = await tx.accountRequest.findMany({
    where: { accountId: { in: ids }, status: { in: APPROVED_STATES }, decidedAt: { not: null } },
    select: { accountId: true, decidedAt: true },
  });

  const runs: TEvaluatedRun[] = [
    ...pastRuns.map((r) => ({
      at: r.at,
      unauditedIds: new Set(failures.filter((f) => f.runId === r.runId).map((f) => f.accountId)),
    })),
    opts.currentRun,
  ];
  const compliance = deriveCompliance({
    creations,
    runs,
    findings: findings.flatMap((f) =>
      f.accountId
        ? [
            {
              accountId: f.accountId,
              severity: f.severity,
              checkId: f.checkId,
              resource: f.resource,
              events: f.events.map((e) => ({
                kind: e.kind,
                at: e.at,
                mutedUntil: muteEnd(e.detail),
              })),
            },
          ]
        : [],
    ),
    watchingSince: firstRun?.at ?? opts.now,
    events: await readAccountEvents(tx, new Set(ids), earliest, opts.now),
  });
  const approvals = requests.flatMap((r) =>
    r.accountId && r.decidedAt ? [{ accountId: r.accountId, approvedAt: r.decidedAt }] : [],
  );
  return { creations, compliance, approvals };
}

/** Applied events that set up or fixed one of `ids`, as the pure KPI code reads them. */
async function readAccountEvents(
  tx: Prisma.TransactionClient,
  ids: ReadonlySet<string>,
  from: Date,
  to: Date,
): Promise<TAccountEvent[]> {
  const rows = await tx.ingestedEvent.findMany({
    where: {
      status: "applied",
      eventTime: { gte: from, lte: to },
      eventName: { in: [...ACCOUNT_EVENT_NAMES] },
    },
    select: { accountId: true, detailType: true, eventTime: true, body: true },
  });
  return rows.flatMap((r) => {
    if (!isCloudTrailDetailType(r.detailType)) return [];
    const body = r.body;
    const raw =
      typeof body === "object" && body !== null && !Array.isArray(body) ? body["detail"] : null;
    const detail = ZCloudTrailDetail.safeParse(raw);
    if (!detail.success) return [];
    const event = accountEventOf(interpretEvent(r.accountId, detail.data), r.eventTime);
    return event && ids.has(event.accountId) ? [event] : [];
  });
}

/** The events accountEventOf reads (the others never date a provisioning). */
const ACCOUNT_EVENT_NAMES = [
  "CreateAccountResult",
  "AcceptHandshake",
  "MoveAccount",
  "PutBucketPolicy",
  "DeleteBucketPolicy",
  "UpdateAssumeRolePolicy",
] as const;

function muteEnd(detail: Prisma.JsonValue): Date | null {
  const until = ZMuteDetail.safeParse(detail).data?.until;
  return until ? new Date(until) : null;
}
