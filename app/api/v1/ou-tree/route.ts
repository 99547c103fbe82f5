// GET /api/v1/ou-tree – every visible OU and account with its subtree's spend, accounts, open findings, score and SCPs
import { route } from "@/lib/server/http/route";
import { ZOuTreeQuery } from "@/lib/api/org";
import { resolvePeriod } from "@/lib/domain/org/period";
import { AppError } from "@/lib/errors";
import { getOuTree } from "@/lib/server/org/get-ou-tree";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "dashboard:read", query: ZOuTreeQuery, cache: true }, ({ db, principal, query }) => {
  const period = resolvePeriod(query, new Date());
  if (!period.ok) throw new AppError("INVALID_PERIOD", period.error);
  return getOuTree(db, principal.scope, period.period);
});
