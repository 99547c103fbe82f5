// GET /api/v1/findings/export – the filtered findings list as a streamed CSV (audited with its filters)
import { ZFindingFilters } from "@/lib/api/findings";
import { route } from "@/lib/server/http/route";
import { exportFindings } from "@/lib/server/findings/export-findings";

export const dynamic = "force-dynamic";

export const GET = route(
  { permission: "export", query: ZFindingFilters, rateLimit: "export" },
  ({ db, principal, query }) => exportFindings(db, principal, query),
);
