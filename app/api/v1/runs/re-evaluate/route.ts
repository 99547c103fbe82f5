// POST /api/v1/runs/re-evaluate – re-run checks and KPIs on the stored evidence (no AWS call)
import { route } from "@/lib/server/http/route";
import { reevaluateNow } from "@/lib/server/runs/reevaluate-now";

export const dynamic = "force-dynamic";

export const POST = route({ permission: "settings:write" }, ({ db, databaseUrl, principal }) =>
  reevaluateNow(db, databaseUrl, principal),
);
