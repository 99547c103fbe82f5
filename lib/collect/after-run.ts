// What follows a committed collection run, wherever it was started (CLI, dashboard, distributed):
// cost anomaly detection over the stored daily spend, alerts for the findings it opened or reopened, then the account-request lifecycle (provisioned
// once the account appears, compliant once its audit is clean), then the ingested events that waited
// for the run's store transaction. Failures are reported, never thrown:
// the run's data is already committed and stays.
import { dispatchAnomalyAlerts } from "@/lib/alerts/dispatch-anomaly-alerts";
import { dispatchRunAlerts, type DispatchSummary } from "@/lib/alerts/dispatch-run-alerts";
import type { Db } from "@/lib/db/client";
import { detectCostAnomalies, type AnomalyRunSummary } from "./anomalies/detect-cost-anomalies";
import { processPendingEvents, type ProcessSummary } from "./events/process-pending-events";
import { syncAccountRequests } from "./requests/sync-account-requests";

export interface AfterRunSummary {
  anomalies: AnomalyRunSummary | null;
  alerts: DispatchSummary | null;
  requests: { provisioned: number; compliant: number } | null;
  events: ProcessSummary | null;
}

export async function afterRun(
  db: Db,
  runId: string,
  log: (message: string) => void,
): Promise<AfterRunSummary> {
  // Cost anomalies over the stored daily spend, before the alerts that may report them.
  const anomalies = await detectCostAnomalies(db).catch(
    (err: unknown) => (log(`Anomaly detection failed: ${String(err)}`), null),
  );
  if (anomalies?.created.length)
    log(`Cost anomalies: ${anomalies.created.length} new, ${anomalies.updated} updated.`);
  const anomalyAlerts = await dispatchAnomalyAlerts(db, anomalies?.created ?? [], runId).catch(
    (err: unknown) => (log(`Anomaly alert dispatch failed: ${String(err)}`), null),
  );
  if (anomalyAlerts && anomalyAlerts.matched > 0)
    log(`Anomaly alerts: ${anomalyAlerts.sent} sent, ${anomalyAlerts.failed} failed.`);
  const alerts = await dispatchRunAlerts(db, runId).catch(
    (err: unknown) => (log(`Alert dispatch failed: ${String(err)}`), null),
  );
  if (alerts && alerts.matched > 0)
    log(
      `Alerts: ${alerts.sent} sent, ${alerts.failed} failed, ${alerts.skippedDuplicates} already sent.`,
    );
  const requests = await syncAccountRequests(db).catch(
    (err: unknown) => (log(`Account request sync failed: ${String(err)}`), null),
  );
  if (requests?.provisioned || requests?.compliant)
    log(`Account requests: ${requests.provisioned} provisioned, ${requests.compliant} compliant.`);
  // Events delivered while the run stored its findings were left pending for now.
  const events = await processPendingEvents(db, {
    warn: (message, err) => log(`${message}: ${String(err)}`),
  }).catch((err: unknown) => (log(`Applying pending events failed: ${String(err)}`), null));
  if (events?.applied) log(`Events applied after the run: ${events.applied}.`);
  return { anomalies, alerts, requests, events };
}
