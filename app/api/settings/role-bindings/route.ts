// GET /api/settings/role-bindings – IdP group → role/scope mappings; POST – create or replace one (admins)
import { route } from "@/lib/auth/guard";
import { listRoleBindings, saveRoleBinding, ZRoleBindingInput } from "@/lib/server/settings/role-bindings";

export const GET = route({ permission: "settings:write" }, async () => ({ bindings: await listRoleBindings() }));

export const POST = route({ permission: "settings:write", body: ZRoleBindingInput }, ({ principal, body }) => saveRoleBinding(principal, body));
