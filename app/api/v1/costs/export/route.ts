// GET /api/v1/costs/export – the same showback view as a streamed CSV download (audited)
import { ZCostQuery } from "@/lib/api/costs";
import { route } from "@/lib/server/http/route";
import { exportCosts } from "@/lib/server/costs/export-costs";

export const dynamic = "force-dynamic";

export const GET = route(
  { permission: "export", query: ZCostQuery, rateLimit: "export" },
  ({ db, principal, query }) => exportCosts(db, principal, query),
);
