// GET /api/v1/exception-rules/export – the rules the admin manages as a YAML file (to keep in a repository)
import { route } from "@/lib/server/http/route";
import { exportExceptionRules } from "@/lib/server/exception-rules/export-exception-rules";

export const dynamic = "force-dynamic";

export const GET = route(
  { permission: "settings:write" },
  async ({ db, principal }) =>
    new Response(await exportExceptionRules(db, principal.scope), {
      headers: {
        "content-type": "application/yaml; charset=utf-8",
        "content-disposition": 'attachment; filename="exception-rules.yaml"',
        "cache-control": "no-store",
      },
    }),
);
