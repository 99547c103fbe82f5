// GET /api/v1/overview – account count, last full month's spend, the monthly spend trend and the top cost movers
import { route } from "@/lib/server/http/route";
import { ZPeriodQuery } from "@/lib/api/kpis";
import { getOverview } from "@/lib/server/overview/get-overview";

export const dynamic = "force-dynamic";

export const GET = route(
  { permission: "dashboard:read", query: ZPeriodQuery, cache: true },
  ({ db, principal, query }) => getOverview(db, principal.scope, query.months),
);
