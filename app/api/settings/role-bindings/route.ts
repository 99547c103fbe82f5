// GET /api/settings/role-bindings – IdP group → role/scope mappings; POST – create or replace one (unscoped admins)
import { route } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { listRoleBindings, saveRoleBinding, ZRoleBindingInput } from "@/lib/server/settings/role-bindings";

export const GET = route({ permission: "settings:write" }, async ({ principal }) => ({ bindings: await listRoleBindings(db, principal) }));

export const POST = route({ permission: "settings:write", body: ZRoleBindingInput }, ({ principal, body }) => saveRoleBinding(db, principal, body));
