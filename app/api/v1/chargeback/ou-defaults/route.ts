// PUT /api/v1/chargeback/ou-defaults – set or clear an OU's default cost center (admins, audited)
import { route } from "@/lib/server/http/route";
import { ZOuDefaultUpdate } from "@/lib/api/chargeback";
import { setOuCostCenter } from "@/lib/server/chargeback/set-ou-cost-center";

export const PUT = route(
  { permission: "rules:write", body: ZOuDefaultUpdate },
  ({ db, principal, body }) => setOuCostCenter(db, principal, body),
);
