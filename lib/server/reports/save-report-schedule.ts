import "server-only";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import type { TReportBody } from "@/lib/api/report-schedules";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { ousInScope } from "@/lib/server/authorize";
import { findVisibleReport } from "./find-visible-report";
import { toReportView } from "./to-report-view";

const fieldError = (path: string, message: string) =>
  new AppError("INVALID_FIELD", message, { fields: [{ path, message }] });

/**
 * Creates or updates a report. Its scope never exceeds the caller's: a scoped admin must name OUs,
 * all inside their subtrees (else REPORT_SCOPE_OUTSIDE), and cannot see or change reports beyond them.
 */
export async function saveReportSchedule(
  db: Db,
  principal: Principal,
  body: TReportBody,
  id?: string,
) {
  const existing = id ? await findVisibleReport(db, principal, id) : null;
  const ouIds = [...new Set(body.ouIds)];
  if (principal.scope.ouIds && ouIds.length === 0)
    throw new AppError(
      "REPORT_SCOPE_OUTSIDE",
      "Your access is limited to some OUs: choose the OUs this report covers.",
      { fields: [{ path: "ouIds", message: "Choose at least one of your OUs." }] },
    );
  if (!(await ousInScope(db, principal.scope, ouIds)))
    throw new AppError("REPORT_SCOPE_OUTSIDE", "The report's OUs must lie inside your scope.", {
      fields: [{ path: "ouIds", message: "Choose OUs inside your scope." }],
    });
  const channel = await db.alertChannel.findUnique({
    where: { id: body.channelId },
    select: { id: true, type: true },
  });
  if (!channel) throw fieldError("channelId", "No such channel.");
  if (body.recipients.length && channel.type !== "email")
    throw fieldError("recipients", "Recipients apply to email channels only.");

  const data = {
    name: body.name,
    cadence: body.cadence,
    weekday: body.cadence === "weekly" ? body.weekday : null,
    channelId: channel.id,
    recipients: [...new Set(body.recipients.map((r) => r.toLowerCase()))],
    ouIds,
    enabled: body.enabled,
  };
  const saved = await db.$transaction(async (tx) => {
    const row = existing
      ? await tx.reportSchedule.update({
          where: { id: existing.id },
          data,
          include: { channel: true },
        })
      : await tx.reportSchedule.create({
          data: { ...data, createdBy: principal.email },
          include: { channel: true },
        });
    await recordAuditEvent(
      {
        actor: principal.email,
        action: existing ? "reports.schedule.update" : "reports.schedule.create",
        target: row.id,
        detail: {
          name: row.name,
          cadence: row.cadence,
          weekday: row.weekday,
          channelId: row.channelId,
          recipients: row.recipients,
          ouIds: row.ouIds,
          enabled: row.enabled,
        },
      },
      tx,
    );
    return row;
  });
  const ous = await db.orgUnit.findMany({
    where: { id: { in: saved.ouIds } },
    select: { id: true, path: true },
  });
  return toReportView(saved, new Map(ous.map((o) => [o.id, o.path])));
}
