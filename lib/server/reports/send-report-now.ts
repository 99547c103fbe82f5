import "server-only";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import type { TReportSendResult } from "@/lib/api/report-schedules";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { deliverReport, periodOf } from "./deliver-report";
import { findVisibleReport } from "./find-visible-report";

/** "Send now": the latest period's digest through the report's channel, audited with its outcome. */
export async function sendReportNow(
  db: Db,
  principal: Principal,
  id: string,
  now = new Date(),
): Promise<TReportSendResult> {
  const report = await findVisibleReport(db, principal, id);
  const period = periodOf(report, now);
  const result = await deliverReport(
    db,
    report,
    { period, manual: true },
    { maxAttempts: 2, baseDelayMs: 300, timeoutMs: 5_000 },
    now,
  );
  const status = result.status === "sent" ? "sent" : "failed";
  await recordAuditEvent(
    {
      actor: principal.email,
      action: "reports.send",
      target: report.id,
      detail: { trigger: "manual", period: period.key, status, error: result.error },
    },
    db,
  );
  return { status, error: result.error, period: period.key };
}
