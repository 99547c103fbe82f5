// After a run has committed (or ingested events were applied): alert every matching channel about the
// findings this run (or those events) opened or reopened. The delivery row is claimed first (unique channel + dedupe key), so a finding alerts a
// channel once across runs and concurrent dispatchers, and every attempt's outcome is logged.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { EncryptionKeyError, keyringFromEnv } from "@/lib/secrets/encryption-key";
import { SecretUnreadableError } from "@/lib/secrets/secret-box";
import type { TAlertEvent } from "./alert-event";
import { openChannelConfig } from "./channel-secrets";
import { dedupeKey, matchesRule } from "./match-rule";
import { sendAlert, type SendOptions, type SendOutcome } from "./send-alert";

export interface DispatchSummary {
  matched: number;
  sent: number;
  failed: number;
  skippedDuplicates: number;
}

export async function dispatchRunAlerts(
  db: Db,
  runId: string,
  opts: SendOptions = {},
): Promise<DispatchSummary> {
  return dispatchAlerts(db, { runId }, runId, opts);
}

/**
 * Alerts for findings opened or reopened by ingested events (their FindingEvent ids): same rules,
 * channels and dedupe key as a run's, so the run that later sees the same finding sends nothing again.
 */
export async function dispatchFindingEventAlerts(
  db: Db,
  findingEventIds: readonly bigint[],
  opts: SendOptions = {},
): Promise<DispatchSummary> {
  if (!findingEventIds.length) return { matched: 0, sent: 0, failed: 0, skippedDuplicates: 0 };
  return dispatchAlerts(db, { id: { in: [...findingEventIds] } }, null, opts);
}

async function dispatchAlerts(
  db: Db,
  which: Prisma.FindingEventWhereInput,
  runId: string | null,
  opts: SendOptions,
): Promise<DispatchSummary> {
  const summary: DispatchSummary = { matched: 0, sent: 0, failed: 0, skippedDuplicates: 0 };
  const rules = await db.alertRule.findMany({
    where: { enabled: true, target: "findings", channel: { enabled: true } },
    include: { channel: true },
    orderBy: { name: "asc" },
  });
  if (!rules.length) return summary;
  const events = await db.findingEvent.findMany({
    where: { ...which, kind: { in: ["opened", "reopened"] } },
    include: { finding: true },
    orderBy: { id: "asc" },
  });
  const pathOf = await ouPaths(
    db,
    events.map((e) => e.finding),
  );
  const now = new Date();

  for (const ev of events) {
    const f = ev.finding;
    // Muted and excepted findings are listed, never alerted.
    if (f.status !== "open" || f.exceptionRuleId !== null || (f.mutedUntil && f.mutedUntil > now))
      continue;
    const alertable = {
      checkId: f.checkId,
      category: f.category,
      severity: f.severity,
      ouPathIds: pathOf(f),
    };
    const byChannel = new Map<string, (typeof rules)[number]>();
    for (const rule of rules)
      if (matchesRule(rule, alertable) && !byChannel.has(rule.channelId))
        byChannel.set(rule.channelId, rule);
    const payload: TAlertEvent = {
      event: ev.kind === "reopened" ? "finding.reopened" : "finding.opened",
      runId,
      at: ev.at.toISOString(),
      finding: {
        fingerprint: f.fingerprint,
        checkId: f.checkId,
        category: f.category,
        severity: f.severity,
        accountId: f.accountId,
        ouId: f.ouId,
        resource: f.resource,
        title: f.title,
        message: f.message,
        firstSeenAt: f.firstSeenAt.toISOString(),
        reopenedCount: f.reopenedCount,
      },
    };
    for (const rule of byChannel.values()) {
      summary.matched++;
      const outcome = await deliver(
        db,
        {
          channel: rule.channel,
          ruleId: rule.id,
          runId,
          key: dedupeKey(f.fingerprint, f.reopenedCount),
          payload,
        },
        opts,
      );
      if (outcome === "duplicate") summary.skippedDuplicates++;
      else if (outcome === "sent") summary.sent++;
      else summary.failed++;
    }
  }
  return summary;
}

/** A finding's OU path: its own OU, else its account's current OU (account checks carry no OU). */
async function ouPaths(db: Db, findings: { ouId: string | null; accountId: string | null }[]) {
  const accountIds = [
    ...new Set(findings.map((f) => f.accountId).filter((id): id is string => Boolean(id))),
  ];
  const accounts = await db.account.findMany({
    where: { id: { in: accountIds } },
    select: { id: true, ouId: true },
  });
  const ouOfAccount = new Map(accounts.map((a) => [a.id, a.ouId]));
  const ouIds = [
    ...new Set(
      [...findings.map((f) => f.ouId), ...ouOfAccount.values()].filter((id): id is string =>
        Boolean(id),
      ),
    ),
  ];
  const ous = await db.orgUnit.findMany({
    where: { id: { in: ouIds } },
    select: { id: true, pathIds: true },
  });
  const pathOfOu = new Map(ous.map((o) => [o.id, o.pathIds]));
  return (f: { ouId: string | null; accountId: string | null }): string[] => {
    const ou = f.ouId ?? (f.accountId ? ouOfAccount.get(f.accountId) : undefined);
    return ou ? (pathOfOu.get(ou) ?? [ou]) : [];
  };
}

interface DeliveryInput {
  channel: { id: string; type: string; config: unknown };
  ruleId: string | null;
  runId: string | null;
  key: string;
  payload: TAlertEvent;
}

/** Claims the delivery row, sends with retries, records the outcome. */
export async function deliver(
  db: Db,
  d: DeliveryInput,
  opts: SendOptions = {},
): Promise<"sent" | "failed" | "duplicate"> {
  let id: string;
  try {
    const row = await db.alertDelivery.create({
      data: {
        channelId: d.channel.id,
        ruleId: d.ruleId,
        runId: d.runId,
        dedupeKey: d.key,
        payload: d.payload,
        status: "pending",
      },
      select: { id: true },
    });
    id = row.id;
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")
      return "duplicate";
    throw err;
  }
  const result = await sendWithSecrets(d.channel, d.payload, opts);
  await db.alertDelivery.update({
    where: { id },
    data: {
      status: result.ok ? "sent" : "failed",
      attempts: result.attempts,
      lastError: result.error,
      sentAt: result.ok ? new Date() : null,
    },
  });
  return result.ok ? "sent" : "failed";
}

/** Opens the channel's sealed secrets, then sends; a missing key fails the delivery with what to set. */
async function sendWithSecrets(
  channel: DeliveryInput["channel"],
  payload: TAlertEvent,
  opts: SendOptions,
): Promise<SendOutcome> {
  let config: Record<string, unknown>;
  try {
    config = openChannelConfig(channel, () => keyringFromEnv(process.env).readable);
  } catch (err) {
    if (err instanceof SecretUnreadableError || err instanceof EncryptionKeyError)
      return { ok: false, attempts: 0, error: err.message };
    throw err;
  }
  return sendAlert({ type: channel.type, config }, payload, opts);
}

/** The "send test" button: a test event through the same path, logged like any delivery. */
export async function sendTestAlert(
  db: Db,
  channel: { id: string; type: string; config: unknown },
  opts: SendOptions = {},
): Promise<"sent" | "failed"> {
  const payload: TAlertEvent = {
    event: "test",
    runId: null,
    at: new Date().toISOString(),
    finding: null,
  };
  const outcome = await deliver(
    db,
    { channel, ruleId: null, runId: null, key: `test:${randomUUID()}`, payload },
    opts,
  );
  return outcome === "sent" ? "sent" : "failed";
}
