// DELETE /api/v1/alerts/rules/:id – remove an alert rule
import { ZUuidParams } from "@/lib/api/params";
import { route } from "@/lib/server/http/route";
import { deleteAlertRule } from "@/lib/server/alerts/delete-alert-rule";

export const DELETE = route(
  { permission: "settings:write", params: ZUuidParams, notFound: "No such alert rule." },
  ({ db, principal, params }) => deleteAlertRule(db, principal, params.id),
);
