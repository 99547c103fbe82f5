// DELETE /api/tokens/:id – revoke one of the caller's tokens (any token for unscoped admins)
import { z } from "zod";
import { route } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { revokeApiToken } from "@/lib/server/tokens/revoke-api-token";

export const DELETE = route({ permission: "self:manage" }, ({ principal, params }) => revokeApiToken(db, principal, z.uuid().parse(params.id)));
