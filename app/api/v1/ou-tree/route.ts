// GET /api/v1/ou-tree – every visible OU and account with its subtree's spend, accounts, open findings, score and SCPs
import { ZOuTreeQuery } from "@/lib/api/org";
import { route } from "@/lib/server/http/route";
import { getOuTreeForQuery } from "@/lib/server/org/get-ou-tree-for-query";

export const dynamic = "force-dynamic";

export const GET = route(
  { permission: "dashboard:read", query: ZOuTreeQuery, cache: true },
  ({ db, principal, query }) => getOuTreeForQuery(db, principal.scope, query),
);
