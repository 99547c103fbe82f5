// DELETE /api/settings/role-bindings/:id – remove a mapping (unscoped admins)
import { ZUuidParams } from "@/lib/api/params";
import { route } from "@/lib/server/http/route";
import { deleteRoleBinding } from "@/lib/server/settings/role-bindings";

export const DELETE = route(
  { permission: "settings:write", params: ZUuidParams },
  ({ db, principal, params }) => deleteRoleBinding(db, principal, params.id),
);
