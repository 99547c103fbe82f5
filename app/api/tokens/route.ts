// GET /api/tokens – the caller's API tokens (everyone's for unscoped admins); POST /api/tokens – create one (secret shown once)
import { route } from "@/lib/server/http/route";
import { ZCreateToken } from "@/lib/api/settings";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { listApiTokens } from "@/lib/server/tokens/list-api-tokens";

export const GET = route({ permission: "self:manage" }, ({ db, principal }) =>
  listApiTokens(db, principal),
);

export const POST = route(
  { permission: "self:manage", body: ZCreateToken },
  ({ db, principal, body }) => createApiToken(db, principal, body),
);
