// DELETE /api/settings/role-bindings/:id – remove a mapping (admins)
import { z } from "zod";
import { route } from "@/lib/auth/guard";
import { deleteRoleBinding } from "@/lib/server/settings/role-bindings";

export const DELETE = route({ permission: "settings:write" }, ({ principal, params }) => deleteRoleBinding(principal, z.uuid().parse(params.id)));
