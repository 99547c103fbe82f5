// GET /api/v1/costs/tag-keys – tag keys with collected spend, for grouping by tag
import { route } from "@/lib/server/http/route";
import { listTagKeys } from "@/lib/server/costs/list-tag-keys";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "dashboard:read" }, ({ db, principal }) =>
  listTagKeys(db, principal.scope),
);
