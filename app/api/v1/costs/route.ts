// GET /api/v1/costs – spend grouped by account, OU, service, cost center or tag, per month or day
import { ZCostPageQuery } from "@/lib/api/costs";
import { route } from "@/lib/server/http/route";
import { getCosts } from "@/lib/server/costs/get-costs";

export const dynamic = "force-dynamic";

export const GET = route(
  { permission: "dashboard:read", query: ZCostPageQuery, cache: true },
  ({ db, principal, query, timing }) => getCosts(db, principal.scope, query, new Date(), timing),
);
