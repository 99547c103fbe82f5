// GET /api/v1/kpis – playbook KPI trends of the caller's scope and its open findings by category and severity
import { route } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { ZPeriodQuery } from "@/lib/api/kpis";
import { getKpis } from "@/lib/server/kpis/get-kpis";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "dashboard:read", query: ZPeriodQuery, cache: true }, ({ principal, query }) => getKpis(db, principal.scope, query.months));
