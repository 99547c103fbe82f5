// GET /api/v1/anomalies/[id] – one anomaly with its daily series and the expected band
import { ZUuidParams } from "@/lib/api/params";
import { getAnomaly } from "@/lib/server/anomalies/get-anomaly";
import { route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route(
  { permission: "data:read", params: ZUuidParams, notFound: "No such anomaly." },
  ({ db, principal, params }) => getAnomaly(db, principal.scope, params.id),
);
