// PUT /api/v1/chargeback/rules/:key – edit a rule as a new version from a month on (admins, audited)
import { ZRuleKeyParams } from "@/lib/api/params";
import { ZRuleSave } from "@/lib/api/chargeback";
import { route } from "@/lib/server/http/route";
import { reviseAllocationRule } from "@/lib/server/chargeback/revise-allocation-rule";

export const PUT = route(
  { permission: "rules:write", params: ZRuleKeyParams, body: ZRuleSave },
  ({ db, principal, body, params }) => reviseAllocationRule(db, principal, params.key, body),
);
