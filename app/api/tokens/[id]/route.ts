// DELETE /api/tokens/:id – revoke one of the caller's tokens
import { z } from "zod";
import { route } from "@/lib/auth/guard";
import { revokeApiToken } from "@/lib/server/tokens/revoke-api-token";

export const DELETE = route({ permission: "self:manage" }, ({ principal, params }) => revokeApiToken(principal, z.uuid().parse(params.id)));
