// GET /api/v1/accounts – accounts matching a search and/or under an OU, with OU path and last full month's spend
import { route } from "@/lib/server/http/route";
import { ZAccountListQuery } from "@/lib/api/accounts";
import { listAccounts } from "@/lib/server/accounts/list-accounts";

export const dynamic = "force-dynamic";

export const GET = route(
  { permission: "data:read", query: ZAccountListQuery },
  ({ db, principal, query }) => listAccounts(db, principal.scope, query),
);
