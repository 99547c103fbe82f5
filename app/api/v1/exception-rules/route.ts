// GET, POST /api/v1/exception-rules – the exception rules the admin manages (with covered findings); add one
import { ZExceptionRuleInput } from "@/lib/api/exception-rules";
import { route } from "@/lib/server/http/route";
import { createExceptionRule } from "@/lib/server/exception-rules/create-exception-rule";
import { listExceptionRules } from "@/lib/server/exception-rules/list-exception-rules";

export const GET = route({ permission: "settings:write" }, ({ db, principal }) =>
  listExceptionRules(db, principal.scope),
);

export const POST = route(
  { permission: "settings:write", body: ZExceptionRuleInput },
  ({ db, principal, body }) => createExceptionRule(db, principal, body),
);
