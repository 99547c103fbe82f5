// PATCH, DELETE /api/v1/reports/schedules/:id – update or delete a scheduled report (inside the caller's scope)
import { ZUuidParams } from "@/lib/api/params";
import { ZReportBody } from "@/lib/api/report-schedules";
import { route } from "@/lib/server/http/route";
import { deleteReportSchedule } from "@/lib/server/reports/delete-report-schedule";
import { saveReportSchedule } from "@/lib/server/reports/save-report-schedule";

const report = {
  permission: "reports:manage",
  params: ZUuidParams,
  notFound: "No such report.",
} as const;

export const PATCH = route({ ...report, body: ZReportBody }, ({ db, principal, body, params }) =>
  saveReportSchedule(db, principal, body, params.id),
);

export const DELETE = route(report, ({ db, principal, params }) =>
  deleteReportSchedule(db, principal, params.id),
);
