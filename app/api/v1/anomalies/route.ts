// GET /api/v1/anomalies – cost anomalies in the caller's OUs (status, kind, account filters) with roll-ups
import { ZAnomalyQuery } from "@/lib/api/anomalies";
import { listAnomalies } from "@/lib/server/anomalies/list-anomalies";
import { route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route(
  { permission: "data:read", query: ZAnomalyQuery },
  ({ db, principal, query }) => listAnomalies(db, principal.scope, query),
);
