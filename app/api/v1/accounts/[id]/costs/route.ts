// GET /api/v1/accounts/[id]/costs – one account's unblended spend by service and month (default: the last 12 full months and the current one to date)
import { route } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { ZAccountCostsQuery, ZAccountId } from "@/lib/api/accounts";
import { notFound } from "@/lib/server/errors";
import { getAccountCosts } from "@/lib/server/accounts/get-account-costs";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "data:read", query: ZAccountCostsQuery }, async ({ principal, params, query }) => {
  const id = ZAccountId.safeParse(params.id);
  const costs = id.success ? await getAccountCosts(db, principal.scope, id.data, query.months) : null;
  if (!costs) throw notFound("No such account, or it is outside the part of the organization you can see.");
  return costs;
});
