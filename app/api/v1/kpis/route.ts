// GET /api/v1/kpis – playbook KPI trends of the caller's scope and its open findings by category and severity
import { route } from "@/lib/server/http/route";
import { ZPeriodQuery } from "@/lib/api/kpis";
import { getKpis } from "@/lib/server/kpis/get-kpis";

export const dynamic = "force-dynamic";

export const GET = route(
  { permission: "dashboard:read", query: ZPeriodQuery, cache: true },
  ({ db, principal, query }) => getKpis(db, principal.scope, query.months),
);
