// GET /api/tokens – the caller's API tokens; POST /api/tokens – create one (secret shown once)
import { route } from "@/lib/auth/guard";
import { createApiToken, ZCreateToken } from "@/lib/server/tokens/create-api-token";
import { listApiTokens } from "@/lib/server/tokens/list-api-tokens";

export const GET = route({ permission: "self:manage" }, async ({ principal }) => ({ tokens: await listApiTokens(principal) }));

export const POST = route({ permission: "self:manage", body: ZCreateToken }, ({ principal, body }) => createApiToken(principal, body));
