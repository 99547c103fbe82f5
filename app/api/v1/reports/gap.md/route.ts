// GET /api/v1/reports/gap.md – the gap report (whole scope, or ?ou=) as a Markdown download
import { ZGapReportQuery } from "@/lib/api/reports";
import { route } from "@/lib/server/http/route";
import { downloadGapReport } from "@/lib/server/reports/download-gap-report";

export const dynamic = "force-dynamic";

export const GET = route(
  { permission: "export", query: ZGapReportQuery, rateLimit: "export" },
  ({ db, principal, query }) => downloadGapReport(db, principal, query),
);
