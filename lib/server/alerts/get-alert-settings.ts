import "server-only";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { ZAlertEvent, summaryLine } from "@/lib/alerts/alert-event";
import type { TAlertRuleView, TAlertSettings } from "@/lib/api/alerts";
import type { AlertRule } from "@/lib/generated/prisma/client";
import { maskConfig } from "@/lib/alerts/channel-config";
import { openChannelConfig, type StoredChannel } from "@/lib/alerts/channel-secrets";
import {
  EncryptionKeyError,
  keyringFromEnv,
  type EncryptionKey,
} from "@/lib/secrets/encryption-key";
import { SecretUnreadableError } from "@/lib/secrets/secret-box";
import { isOrgAdmin } from "@/lib/server/authorize";
import { ouScope } from "@/lib/server/scope";

/**
 * Channels (secrets masked), their rules, and the latest deliveries for admins of the whole organization.
 * A scoped admin sees the channels by name only, the rules inside their OU subtrees, and no deliveries
 * (those summarize runs of the whole organization).
 */
export async function getAlertSettings(db: Db, principal: Principal): Promise<TAlertSettings> {
  const channels = await db.alertChannel.findMany({
    orderBy: { createdAt: "asc" },
    include: { rules: { orderBy: { name: "asc" } } },
  });
  if (!isOrgAdmin(principal)) {
    const visibleOus = new Set(
      (await db.orgUnit.findMany({ where: ouScope(principal.scope), select: { id: true } })).map(
        (o) => o.id,
      ),
    );
    const inScope = (ouIds: string[]) =>
      ouIds.length > 0 && ouIds.every((id) => visibleOus.has(id));
    return {
      channels: channels.map((c) => ({
        id: c.id,
        name: c.name,
        type: c.type,
        enabled: c.enabled,
        config: {},
        rules: c.rules.filter((r) => inScope(r.ouIds)).map(ruleView),
      })),
      deliveries: [],
    };
  }
  const deliveries = await db.alertDelivery.findMany({
    orderBy: { createdAt: "desc" },
    take: 50,
    include: { channel: { select: { name: true } } },
  });
  const keys = () => keyringFromEnv(process.env).readable;
  return {
    channels: channels.map((c) => ({
      id: c.id,
      name: c.name,
      type: c.type,
      enabled: c.enabled,
      config: maskConfig(c.type, openForMasking(c, keys)),
      rules: c.rules.map(ruleView),
    })),
    deliveries: deliveries.map((d) => {
      const event = ZAlertEvent.safeParse(d.payload);
      return {
        id: d.id,
        channelName: d.channel.name,
        runId: d.runId,
        summary: event.success ? summaryLine(event.data) : d.dedupeKey,
        status: d.status,
        attempts: d.attempts,
        lastError: d.lastError,
        createdAt: d.createdAt.toISOString(),
      };
    }),
  };
}

/** Opened only to show a Slack/Teams URL's origin; a secret whose key is gone is masked all the same. */
function openForMasking(channel: StoredChannel, keys: () => readonly EncryptionKey[]): unknown {
  try {
    return openChannelConfig(channel, keys);
  } catch (err) {
    if (err instanceof SecretUnreadableError || err instanceof EncryptionKeyError)
      return channel.config;
    throw err;
  }
}

/** A stored rule as the settings page shows it (the anomaly minimum as an exact decimal string). */
function ruleView(r: AlertRule): TAlertRuleView {
  return {
    id: r.id,
    channelId: r.channelId,
    name: r.name,
    checkIds: r.checkIds,
    categories: r.categories,
    severities: r.severities,
    ouIds: r.ouIds,
    enabled: r.enabled,
    target: r.target === "anomalies" ? "anomalies" : "findings",
    anomalyMinImpactUsd: r.anomalyMinImpactUsd?.toFixed(2) ?? null,
    anomalyMinPercent: r.anomalyMinPercent,
  };
}
