// GET /api/v1/reports/schedules/:id/preview – the latest period's digest email as HTML (images inline)
import { ZUuidParams } from "@/lib/api/params";
import { route } from "@/lib/server/http/route";
import { previewReport } from "@/lib/server/reports/preview-report";

export const GET = route(
  { permission: "reports:manage", params: ZUuidParams, notFound: "No such report." },
  ({ db, principal, params }) => previewReport(db, principal, params.id),
);
