// POST /api/v1/reports/schedules/:id/send – send the latest period's digest now (audited)
import { ZUuidParams } from "@/lib/api/params";
import { route } from "@/lib/server/http/route";
import { sendReportNow } from "@/lib/server/reports/send-report-now";

export const POST = route(
  { permission: "reports:manage", params: ZUuidParams, notFound: "No such report." },
  ({ db, principal, params }) => sendReportNow(db, principal, params.id),
);
