// GET /api/settings/role-bindings – IdP group → role/scope mappings; POST – create or replace one (unscoped admins)
import { route } from "@/lib/server/http/route";
import { ZRoleBindingInput } from "@/lib/api/settings";
import { listRoleBindings, saveRoleBinding } from "@/lib/server/settings/role-bindings";

export const GET = route({ permission: "settings:write" }, async ({ db, principal }) => ({
  bindings: await listRoleBindings(db, principal),
}));

export const POST = route(
  { permission: "settings:write", body: ZRoleBindingInput },
  ({ db, principal, body }) => saveRoleBinding(db, principal, body),
);
