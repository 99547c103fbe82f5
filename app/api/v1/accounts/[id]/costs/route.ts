// GET /api/v1/accounts/[id]/costs – one account's unblended spend by service and month (default: the last 12 full months and the current one to date)
import { ZAccountCostsQuery } from "@/lib/api/accounts";
import { ZAccountParams } from "@/lib/api/params";
import { notFound } from "@/lib/errors";
import { route } from "@/lib/server/http/route";
import { getAccountCosts } from "@/lib/server/accounts/get-account-costs";

export const dynamic = "force-dynamic";

const NOT_VISIBLE = "No such account, or it is outside the part of the organization you can see.";

export const GET = route(
  {
    permission: "data:read",
    params: ZAccountParams,
    notFound: NOT_VISIBLE,
    query: ZAccountCostsQuery,
  },
  async ({ db, principal, params, query }) => {
    const costs = await getAccountCosts(db, principal.scope, params.id, query.months);
    if (!costs) throw notFound(NOT_VISIBLE);
    return costs;
  },
);
