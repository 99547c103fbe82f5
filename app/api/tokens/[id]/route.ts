// DELETE /api/tokens/:id – revoke one of the caller's tokens (any token for unscoped admins)
import { ZUuidParams } from "@/lib/api/params";
import { route } from "@/lib/server/http/route";
import { revokeApiToken } from "@/lib/server/tokens/revoke-api-token";

export const DELETE = route(
  { permission: "self:manage", params: ZUuidParams, notFound: "No such active token." },
  ({ db, principal, params }) => revokeApiToken(db, principal, params.id),
);
