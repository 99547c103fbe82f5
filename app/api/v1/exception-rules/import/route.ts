// POST /api/v1/exception-rules/import – replace the admin's rules with a YAML list (dry run previews; all or nothing, 422 lists problems)
import { ZExceptionRuleImport } from "@/lib/api/exception-rules";
import { route } from "@/lib/server/http/route";
import { importExceptionRules } from "@/lib/server/exception-rules/import-exception-rules";

export const POST = route(
  { permission: "settings:write", body: ZExceptionRuleImport, maxBodyBytes: 1_100_000 },
  ({ db, principal, body }) => importExceptionRules(db, principal, body),
);
