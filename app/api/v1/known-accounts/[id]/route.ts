// PUT, DELETE /api/v1/known-accounts/:id – rename or re-own an inventory entry; remove it
import { route } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { ZAccountId, ZKnownAccountUpdate } from "@/lib/api/known-accounts";
import { deleteKnownAccount } from "@/lib/server/known-accounts/delete-known-account";
import { updateKnownAccount } from "@/lib/server/known-accounts/update-known-account";

export const PUT = route({ permission: "settings:write", body: ZKnownAccountUpdate }, ({ principal, body, params }) => updateKnownAccount(db, principal, ZAccountId.parse(params.id), body));

export const DELETE = route({ permission: "settings:write" }, ({ principal, params }) => deleteKnownAccount(db, principal, ZAccountId.parse(params.id)));
