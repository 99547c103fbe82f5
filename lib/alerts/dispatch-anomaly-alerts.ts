// After anomaly detection: alert the channels of the rules that target anomalies (minimum impact in
// USD and in % of the expected spend, optional OU subtrees) about the anomalies this detection opened.
// One delivery per anomaly and channel across runs (dedupe key "anomaly:<id>").
import type { Db } from "@/lib/db/client";
import type { TAlertEvent } from "./alert-event";
import { deliver, type DispatchSummary } from "./dispatch-run-alerts";
import type { SendOptions } from "./send-alert";

export interface AnomalyRuleFilter {
  ouIds: string[];
  anomalyMinImpactUsd: number;
  anomalyMinPercent: number | null;
}

export interface AlertableAnomaly {
  impact: number;
  /** null when nothing was expected (a new service): any percentage threshold is met. */
  impactPercent: number | null;
  ouPathIds: string[];
}

export function matchesAnomalyRule(rule: AnomalyRuleFilter, a: AlertableAnomaly): boolean {
  if (a.impact < rule.anomalyMinImpactUsd) return false;
  if (rule.anomalyMinPercent !== null && a.impactPercent !== null)
    if (a.impactPercent < rule.anomalyMinPercent) return false;
  if (rule.ouIds.length && !rule.ouIds.some((id) => a.ouPathIds.includes(id))) return false;
  return true;
}

export async function dispatchAnomalyAlerts(
  db: Db,
  anomalyIds: readonly string[],
  runId: string | null,
  opts: SendOptions = {},
): Promise<DispatchSummary> {
  const summary: DispatchSummary = { matched: 0, sent: 0, failed: 0, skippedDuplicates: 0 };
  if (!anomalyIds.length) return summary;
  const rules = await db.alertRule.findMany({
    where: { enabled: true, target: "anomalies", channel: { enabled: true } },
    include: { channel: true },
    orderBy: { name: "asc" },
  });
  if (!rules.length) return summary;
  const anomalies = await db.costAnomaly.findMany({
    where: { id: { in: [...anomalyIds] }, status: "open" },
    orderBy: { impact: "desc" },
  });
  const accounts = await db.account.findMany({
    where: { id: { in: [...new Set(anomalies.map((a) => a.accountId))] } },
    select: { id: true, ou: { select: { id: true, pathIds: true } } },
  });
  const accountOu = new Map(accounts.map((a) => [a.id, a.ou]));
  for (const a of anomalies) {
    const expected = Number(a.expected);
    const impact = Number(a.impact);
    const impactPercent = expected > 0 ? Math.round((1000 * impact) / expected) / 10 : null;
    const ou = accountOu.get(a.accountId);
    const alertable = { impact, impactPercent, ouPathIds: ou?.pathIds ?? [] };
    const byChannel = new Map<string, (typeof rules)[number]>();
    for (const rule of rules) {
      const filter = {
        ouIds: rule.ouIds,
        anomalyMinImpactUsd: Number(rule.anomalyMinImpactUsd ?? 0),
        anomalyMinPercent: rule.anomalyMinPercent,
      };
      if (matchesAnomalyRule(filter, alertable) && !byChannel.has(rule.channelId))
        byChannel.set(rule.channelId, rule);
    }
    const payload: TAlertEvent = {
      event: "anomaly.opened",
      runId,
      at: a.detectedAt.toISOString(),
      finding: null,
      anomaly: {
        id: a.id,
        accountId: a.accountId,
        ouId: ou?.id ?? null,
        service: a.service,
        kind: a.kind,
        firstDay: a.firstDay.toISOString().slice(0, 10),
        lastDay: a.lastDay.toISOString().slice(0, 10),
        expected,
        actual: Number(a.actual),
        impact,
        impactPercent,
      },
    };
    for (const rule of byChannel.values()) {
      summary.matched++;
      const outcome = await deliver(
        db,
        { channel: rule.channel, ruleId: rule.id, runId, key: `anomaly:${a.id}`, payload },
        opts,
      );
      if (outcome === "duplicate") summary.skippedDuplicates++;
      else if (outcome === "sent") summary.sent++;
      else summary.failed++;
    }
  }
  return summary;
}
