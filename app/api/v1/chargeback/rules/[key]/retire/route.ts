// POST /api/v1/chargeback/rules/:key/retire – stop a rule from a month on (admins, audited)
import { ZRuleKeyParams } from "@/lib/api/params";
import { ZRuleRetire } from "@/lib/api/chargeback";
import { route } from "@/lib/server/http/route";
import { retireAllocationRule } from "@/lib/server/chargeback/retire-allocation-rule";

export const POST = route(
  { permission: "rules:write", params: ZRuleKeyParams, body: ZRuleRetire },
  ({ db, principal, body, params }) => retireAllocationRule(db, principal, params.key, body),
);
