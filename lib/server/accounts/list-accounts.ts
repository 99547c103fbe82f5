import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { TAccountList, TAccountListQuery } from "@/lib/api/accounts";
import { addMonths, monthOf } from "@/lib/domain/months";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/domain/access";

const ZRow = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  status: z.string(),
  ou_id: z.string(),
  ou_path: z.string(),
  environment: z.string().nullable(),
  cost_center: z.string().nullable(),
  spend: z.string(),
  total: z.number(),
});

/** Accounts in the organization matching a name, id or email fragment and/or under an OU, by name, with last full month's spend. */
export async function listAccounts(
  db: Db,
  scope: Scope,
  query: TAccountListQuery,
  now = new Date(),
): Promise<TAccountList> {
  const month = addMonths(monthOf(now), -1);
  const conditions: Prisma.Sql[] = [Prisma.sql`a.removed_at IS NULL`];
  if (scope.ouIds) conditions.push(Prisma.sql`o.path_ids && ${scope.ouIds}::text[]`);
  if (query.ou) conditions.push(Prisma.sql`${query.ou} = ANY(o.path_ids)`);
  if (query.search) {
    const like = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      Prisma.sql`(a.name ILIKE ${like} OR a.id LIKE ${like} OR a.email ILIKE ${like})`,
    );
  }
  const rows = z.array(ZRow).parse(
    await db.$queryRaw`
      WITH page AS (
        SELECT a.id, a.name, a.email, a.status, a.ou_id, o.path AS ou_path, a.environment, a.cost_center, count(*) OVER ()::int AS total
        FROM account a JOIN org_unit o ON o.id = a.ou_id
        WHERE ${Prisma.join(conditions, " AND ")}
        ORDER BY lower(a.name), a.id
        LIMIT ${query.limit}
      )
      SELECT page.*, coalesce((SELECT trim_scale(c.unblended)::text FROM cost_account_month c WHERE c.account_id = page.id AND c.month = ${month}::date), '0') AS spend
      FROM page ORDER BY lower(page.name), page.id`,
  );
  return {
    month,
    total: rows[0]?.total ?? 0,
    accounts: rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      status: r.status,
      ouId: r.ou_id,
      ouPath: r.ou_path,
      environment: r.environment,
      costCenter: r.cost_center,
      lastMonthSpend: r.spend,
    })),
  };
}
