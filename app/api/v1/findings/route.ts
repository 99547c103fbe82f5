// GET /api/v1/findings – findings under the filters (check, category, severity, OU, account, status, mine, overdue), keyset-paged, with counts
import { route } from "@/lib/server/http/route";
import { ZFindingsQuery } from "@/lib/api/findings";
import { listFindings } from "@/lib/server/findings/list-findings";

export const dynamic = "force-dynamic";

export const GET = route(
  // "mine" is about the caller: never answered from another user's cached list.
  { permission: "data:read", query: ZFindingsQuery, cache: { perCaller: (q) => q.mine === "1" } },
  ({ db, principal, query }) => listFindings(db, principal, query),
);
