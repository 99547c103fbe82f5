// The OU tree for the API's query: the period resolved against today (one bound = that month, none =
// the last full month), an impossible one refused by name.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { TOuTree } from "@/lib/api/org";
import type { Scope } from "@/lib/domain/access";
import { resolvePeriod } from "@/lib/domain/org/period";
import { AppError } from "@/lib/errors";
import { getOuTree } from "./get-ou-tree";

export function getOuTreeForQuery(
  db: Db,
  scope: Scope,
  query: { from?: string; to?: string },
  now = new Date(),
): Promise<TOuTree> {
  const period = resolvePeriod(query, now);
  if (!period.ok) throw new AppError("INVALID_PERIOD", period.error);
  return getOuTree(db, scope, period.period);
}
