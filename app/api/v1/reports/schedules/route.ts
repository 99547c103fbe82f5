// GET, POST /api/v1/reports/schedules – the caller's scheduled reports (with channel and OU choices); create one
import { ZReportBody } from "@/lib/api/report-schedules";
import { route } from "@/lib/server/http/route";
import { listReportSchedules } from "@/lib/server/reports/list-report-schedules";
import { saveReportSchedule } from "@/lib/server/reports/save-report-schedule";

export const GET = route({ permission: "reports:manage" }, ({ db, principal }) =>
  listReportSchedules(db, principal),
);

export const POST = route(
  { permission: "reports:manage", body: ZReportBody },
  ({ db, principal, body }) => saveReportSchedule(db, principal, body),
);
