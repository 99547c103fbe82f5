import "server-only";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { findVisibleReport } from "./find-visible-report";

export async function deleteReportSchedule(db: Db, principal: Principal, id: string) {
  const report = await findVisibleReport(db, principal, id);
  await db.$transaction(async (tx) => {
    await tx.reportSchedule.delete({ where: { id: report.id } });
    await recordAuditEvent(
      {
        actor: principal.email,
        action: "reports.schedule.delete",
        target: report.id,
        detail: { name: report.name, ouIds: report.ouIds },
      },
      tx,
    );
  });
  return { deleted: true };
}
