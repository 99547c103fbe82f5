import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/domain/access";
import { Prisma } from "@/lib/generated/prisma/client";
import { addMonths } from "@/lib/domain/months";
import { sqlAccountScope } from "@/lib/server/scope";
import type { TCostMovers } from "@/lib/api/overview";

const ZMover = z.object({
  key: z.string(),
  name: z.string(),
  current: z.string(),
  previous: z.string(),
});
const LIMIT = 5;

/** Accounts and services whose spend changed most (absolute) from the month before `month` to `month`. */
export async function getCostMovers(db: Db, scope: Scope, month: string): Promise<TCostMovers> {
  const before = addMonths(month, -1);
  const inScope = sqlAccountScope(Prisma.raw("c.account_id"), scope);
  // Accounts read the per-account rollup; services need the per-service facts.
  const movers = (
    key: Prisma.Sql,
    name: Prisma.Sql,
    table: Prisma.Sql,
    join: Prisma.Sql,
  ) => db.$queryRaw`
    SELECT ${key} AS key, ${name} AS name,
           trim_scale(coalesce(sum(c.unblended) FILTER (WHERE c.month = ${month}::date), 0))::text AS current,
           trim_scale(coalesce(sum(c.unblended) FILTER (WHERE c.month = ${before}::date), 0))::text AS previous
    FROM ${table} c ${join}
    WHERE c.month IN (${month}::date, ${before}::date) ${inScope}
    GROUP BY 1, 2
    ORDER BY abs(coalesce(sum(c.unblended) FILTER (WHERE c.month = ${month}::date), 0) - coalesce(sum(c.unblended) FILTER (WHERE c.month = ${before}::date), 0)) DESC, 1
    LIMIT ${LIMIT}`;
  const [accounts, services] = await Promise.all([
    movers(
      Prisma.sql`c.account_id`,
      Prisma.sql`coalesce(a.name, c.account_id)`,
      Prisma.sql`cost_account_month`,
      Prisma.sql`LEFT JOIN account a ON a.id = c.account_id`,
    ),
    movers(Prisma.sql`c.service`, Prisma.sql`c.service`, Prisma.sql`cost_monthly`, Prisma.empty),
  ]);
  return {
    month,
    previousMonth: before,
    accounts: z.array(ZMover).parse(accounts),
    services: z.array(ZMover).parse(services),
  };
}
