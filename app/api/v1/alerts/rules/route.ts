// POST /api/v1/alerts/rules – add a rule (check ids, categories, severities, OU subtrees) to a channel
import { route } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { ZRuleBody } from "@/lib/alerts/api-schema";
import { saveAlertRule } from "@/lib/server/alerts/save-alert-rule";

export const POST = route({ permission: "settings:write", body: ZRuleBody }, ({ principal, body }) => saveAlertRule(db, principal, body));
