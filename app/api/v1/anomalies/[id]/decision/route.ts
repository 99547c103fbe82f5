// POST /api/v1/anomalies/[id]/decision – mark an anomaly expected, resolved or open again, with a reason
import { ZAnomalyDecision } from "@/lib/api/anomalies";
import { ZUuidParams } from "@/lib/api/params";
import { decideAnomaly } from "@/lib/server/anomalies/decide-anomaly";
import { route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

export const POST = route(
  {
    permission: "anomalies:decide",
    params: ZUuidParams,
    notFound: "No such anomaly.",
    body: ZAnomalyDecision,
  },
  ({ db, principal, params, body }) => decideAnomaly(db, principal, params.id, body),
);
