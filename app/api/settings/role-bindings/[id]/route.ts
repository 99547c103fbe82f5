// DELETE /api/settings/role-bindings/:id – remove a mapping (unscoped admins)
import { z } from "zod";
import { route } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { deleteRoleBinding } from "@/lib/server/settings/role-bindings";

export const DELETE = route({ permission: "settings:write" }, ({ principal, params }) => deleteRoleBinding(db, principal, z.uuid().parse(params.id)));
