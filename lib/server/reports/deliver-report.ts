// Sends one report's digest through its channel. A scheduled send claims the delivery row of its
// period first (unique channel + "report:<id>:<period>"), so two schedulers never send a period twice;
// a failed attempt gives the claim back (its row is kept in the log under another key) for a retry.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { openChannelConfig } from "@/lib/alerts/channel-secrets";
import { sendMessage, type SendOptions, type SendOutcome } from "@/lib/alerts/send-alert";
import { latestPeriod, type TCadence, type TPeriod } from "@/lib/domain/reports/period";
import { Prisma } from "@/lib/generated/prisma/client";
import { EncryptionKeyError, keyringFromEnv } from "@/lib/secrets/encryption-key";
import { SecretUnreadableError } from "@/lib/secrets/secret-box";
import { loadDigest } from "./load-digest";
import { digestMessage } from "./render-digest";
import { reportScope } from "./report-scope";

export interface DeliverableReport {
  id: string;
  name: string;
  cadence: string;
  weekday: number | null;
  recipients: string[];
  ouIds: string[];
  channel: { id: string; type: string; config: unknown; enabled: boolean };
}

export type TDeliveryStatus = "sent" | "failed" | "duplicate";

export const cadenceOf = (c: string): TCadence => (c === "monthly" ? "monthly" : "weekly");

export const periodOf = (report: Pick<DeliverableReport, "cadence" | "weekday">, now: Date) =>
  latestPeriod(cadenceOf(report.cadence), report.weekday, now);

async function send(
  report: DeliverableReport,
  period: TPeriod,
  db: Db,
  now: Date,
  opts: SendOptions,
) {
  const digest = await loadDigest(
    db,
    { reportName: report.name, scope: reportScope(report), period },
    now,
  );
  let config: Record<string, unknown>;
  try {
    config = openChannelConfig(report.channel, () => keyringFromEnv(process.env).readable);
  } catch (err) {
    if (err instanceof SecretUnreadableError || err instanceof EncryptionKeyError)
      return {
        digest,
        outcome: { ok: false, attempts: 0, error: err.message } satisfies SendOutcome,
      };
    throw err;
  }
  const outcome = await sendMessage(
    { type: report.channel.type, config },
    digestMessage(report, digest),
    opts,
  );
  return { digest, outcome };
}

/**
 * `manual`: "Send now" (always sends, logged under its own key). Otherwise the scheduled send of
 * `period`: "duplicate" when another scheduler already claimed it.
 */
export async function deliverReport(
  db: Db,
  report: DeliverableReport,
  input: { period: TPeriod; manual: boolean },
  opts: SendOptions = {},
  now = new Date(),
): Promise<{ status: TDeliveryStatus; error: string | null }> {
  const key = input.manual
    ? `report:${report.id}:manual:${randomUUID()}`
    : `report:${report.id}:${input.period.key}`;
  let id: string;
  try {
    const row = await db.alertDelivery.create({
      data: {
        channelId: report.channel.id,
        dedupeKey: key,
        payload: { event: "report.digest", reportId: report.id, period: input.period.key },
        status: "pending",
      },
      select: { id: true },
    });
    id = row.id;
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")
      return { status: "duplicate", error: null };
    throw err;
  }
  let outcome: SendOutcome;
  try {
    ({ outcome } = await send(report, input.period, db, now, opts));
  } catch (err) {
    // Building the digest or opening the channel failed: a failed attempt like any other, so the
    // period's claim is given back below instead of staying "pending" (and never sent) for good.
    console.error(`report ${report.id}: the digest could not be sent`, err);
    outcome = {
      ok: false,
      attempts: 0,
      error: `The digest could not be built or sent (${err instanceof Error ? err.name : "error"}); see the server log.`,
    };
  }
  await db.alertDelivery.update({
    where: { id },
    data: {
      status: outcome.ok ? "sent" : "failed",
      attempts: outcome.attempts,
      lastError: outcome.error,
      sentAt: outcome.ok ? new Date() : null,
      // A failed scheduled send frees its period's key, so the next tick tries again.
      ...(outcome.ok || input.manual ? {} : { dedupeKey: `${key}:failed:${randomUUID()}` }),
    },
  });
  if (outcome.ok && !input.manual)
    await db.reportSchedule.update({
      where: { id: report.id },
      data: { lastSentPeriod: input.period.key, lastSentAt: new Date() },
    });
  return { status: outcome.ok ? "sent" : "failed", error: outcome.error };
}
