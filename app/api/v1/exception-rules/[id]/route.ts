// PUT, DELETE /api/v1/exception-rules/:id – change an exception rule; delete it (its findings count again)
import { ZExceptionRuleInput, ZExceptionRuleParams } from "@/lib/api/exception-rules";
import { route } from "@/lib/server/http/route";
import { deleteExceptionRule } from "@/lib/server/exception-rules/delete-exception-rule";
import { updateExceptionRule } from "@/lib/server/exception-rules/update-exception-rule";

const rule = {
  permission: "settings:write",
  params: ZExceptionRuleParams,
  notFound: "No such exception rule.",
} as const;

export const PUT = route(
  { ...rule, body: ZExceptionRuleInput },
  ({ db, principal, params, body }) => updateExceptionRule(db, principal, params.id, body),
);

export const DELETE = route(rule, ({ db, principal, params }) =>
  deleteExceptionRule(db, principal, params.id),
);
