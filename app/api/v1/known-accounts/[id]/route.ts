// PUT, DELETE /api/v1/known-accounts/:id – rename or re-own an inventory entry; remove it
import { ZKnownAccountParams, ZKnownAccountUpdate } from "@/lib/api/known-accounts";
import { route } from "@/lib/server/http/route";
import { deleteKnownAccount } from "@/lib/server/known-accounts/delete-known-account";
import { updateKnownAccount } from "@/lib/server/known-accounts/update-known-account";

const entry = {
  permission: "settings:write",
  params: ZKnownAccountParams,
  notFound: "No such account in the list.",
} as const;

export const PUT = route(
  { ...entry, body: ZKnownAccountUpdate },
  ({ db, principal, body, params }) => updateKnownAccount(db, principal, params.id, body),
);

export const DELETE = route(entry, ({ db, principal, params }) =>
  deleteKnownAccount(db, principal, params.id),
);
