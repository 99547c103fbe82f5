// PUT /api/v1/chargeback/charge-policies – what chargeback does with credits, commitment fees, tax and support (admins, audited)
import { route } from "@/lib/server/http/route";
import { ZChargePoliciesUpdate } from "@/lib/api/chargeback";
import { updateChargePolicies } from "@/lib/server/chargeback/update-charge-policies";

export const PUT = route(
  { permission: "settings:write", body: ZChargePoliciesUpdate },
  ({ db, principal, body }) => updateChargePolicies(db, principal, body),
);
