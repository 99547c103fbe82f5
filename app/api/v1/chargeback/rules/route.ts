// GET /api/v1/chargeback/rules – shared-cost rules with their versions; POST – create a rule (admins, audited)
import { route } from "@/lib/server/http/route";
import { ZRuleSave } from "@/lib/api/chargeback";
import { createAllocationRule } from "@/lib/server/chargeback/create-allocation-rule";
import { listAllocationRules } from "@/lib/server/chargeback/list-allocation-rules";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "export" }, ({ db, principal }) =>
  listAllocationRules(db, principal.scope),
);

export const POST = route(
  { permission: "rules:write", body: ZRuleSave },
  ({ db, principal, body }) => createAllocationRule(db, principal, body),
);
