// POST /api/v1/alerts/rules – add a rule (check ids, categories, severities, OU subtrees) to a channel
import { route } from "@/lib/server/http/route";
import { ZRuleBody } from "@/lib/api/alerts";
import { saveAlertRule } from "@/lib/server/alerts/save-alert-rule";

export const POST = route(
  { permission: "settings:write", body: ZRuleBody },
  ({ db, principal, body }) => saveAlertRule(db, principal, body),
);
