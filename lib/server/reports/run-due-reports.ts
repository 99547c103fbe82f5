// The scheduler's work: every enabled report whose latest period is due and not yet delivered is sent
// once (deliverReport claims the period). A report saved after a period's send time starts with the
// next period, so creating a report does not mail last week's digest at once.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { SendOptions } from "@/lib/alerts/send-alert";
import { deliverReport, periodOf, type TDeliveryStatus } from "./deliver-report";

export const SCHEDULER_ACTOR = "system:report-scheduler";

export async function runDueReports(
  db: Db,
  input: { now?: Date; reportIds?: readonly string[] } = {},
  opts: SendOptions = {},
): Promise<{ reportId: string; period: string; status: TDeliveryStatus }[]> {
  const now = input.now ?? new Date();
  const reports = await db.reportSchedule.findMany({
    where: {
      enabled: true,
      channel: { enabled: true },
      ...(input.reportIds ? { id: { in: [...input.reportIds] } } : {}),
    },
    include: { channel: true },
    orderBy: { createdAt: "asc" },
  });
  const out: { reportId: string; period: string; status: TDeliveryStatus }[] = [];
  for (const report of reports) {
    const period = periodOf(report, now);
    if (report.lastSentPeriod === period.key || report.createdAt > period.sendAt) continue;
    let result: Awaited<ReturnType<typeof deliverReport>>;
    try {
      result = await deliverReport(db, report, { period, manual: false }, opts, now);
    } catch (err) {
      // One report's failure (e.g. the database refusing its log row) must not skip the others.
      console.error(`report ${report.id}: scheduled send failed`, err);
      continue;
    }
    out.push({ reportId: report.id, period: period.key, status: result.status });
    if (result.status === "duplicate") continue;
    // Written on `db` directly: the worker has no app environment (lib/db's default client).
    await db.auditEvent.create({
      data: {
        actor: SCHEDULER_ACTOR,
        action: "reports.send",
        target: report.id,
        detail: {
          trigger: "schedule",
          period: period.key,
          status: result.status,
          error: result.error,
        },
      },
    });
  }
  return out;
}
