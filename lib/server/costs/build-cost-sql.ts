// The one showback query, shared by the JSON view and the CSV export so both show the same numbers.
// It answers one row per group: the periods it has spend in, the amounts, and its total, largest first;
// then one totals row.
//
// Shape for speed (5,000 accounts × 14 months): spend is first summed per account and period — read
// straight from the cost_account_month rollup when no per-service detail is needed — and only then
// mapped to OUs, cost centers or names, so the joins see ~70k rows instead of ~1.5M.
import "server-only";
import type { TGranularity, TMetric } from "@/lib/api/costs";
import type { Scope } from "@/lib/domain/access";
import { Prisma } from "@/lib/generated/prisma/client";
import { DIMENSION_OF, type TGroupBy } from "@/lib/domain/showback/group-by";
import { sqlAccountScope } from "@/lib/server/scope";

export interface TCostSqlInput {
  groupBy: TGroupBy;
  metric: TMetric;
  granularity: TGranularity;
  /** First and last day covered, "YYYY-MM-DD" (inclusive). */
  firstDay: string;
  lastDay: string;
  ou: string | null;
  ouAt: "month" | "today";
  account: string | null;
  chargeType: string | null;
  region: string | null;
  /** Only these groups (largest first); the totals row and the group count still cover them all. */
  page: { limit: number; offset: number } | null;
}

const METRIC: Record<TMetric, Prisma.Sql> = {
  unblended: Prisma.raw("unblended"),
  amortized: Prisma.raw("amortized"),
  net: Prisma.raw("net"),
};

/** Whether groups or filters need to know each row's account (its OU, cost center or name). */
function needsAccountId(q: TCostSqlInput): boolean {
  const k = q.groupBy.kind;
  return (
    q.ou !== null || !(k === "service" || k === "tag" || k === "charge-type" || k === "region")
  );
}

/** The dimension the facts come from when grouped or filtered by a charge type or region. */
function dimensionOf(
  q: TCostSqlInput,
): { key: string; value: string | null; grouped: boolean } | null {
  const k = q.groupBy.kind;
  if (k === "charge-type" || q.chargeType !== null)
    return { key: DIMENSION_OF["charge-type"], value: q.chargeType, grouped: k === "charge-type" };
  if (k === "region" || q.region !== null)
    return { key: DIMENSION_OF.region, value: q.region, grouped: k === "region" };
  return null;
}

/**
 * Per period and service or tag value when grouped by it — and per account only when needed, since
 * (account, month, service) is nearly as many rows as cost_monthly itself: the summed metric.
 */
function facts(q: TCostSqlInput, scope: Scope): Prisma.Sql {
  const metric = METRIC[q.metric];
  const account = needsAccountId(q) ? Prisma.sql`c.account_id` : Prisma.sql`NULL::varchar`;
  const byAccount = q.account ? Prisma.sql`AND c.account_id = ${q.account}` : Prisma.empty;
  const inScope = sqlAccountScope(Prisma.raw("c.account_id"), scope);
  const dim = dimensionOf(q);
  if (dim) {
    const value = dim.value !== null ? Prisma.sql`AND c.value = ${dim.value}` : Prisma.empty;
    return Prisma.sql`
      SELECT ${account} AS account_id, c.month AS period, ${dim.grouped ? Prisma.sql`c.value` : Prisma.sql`NULL::text`} AS dim, sum(c.${metric}) AS amount, bool_or(c.estimated) AS estimated
      FROM cost_by_dimension c
      WHERE c.dimension = ${dim.key} AND c.month BETWEEN ${q.firstDay}::date AND ${q.lastDay}::date ${value} ${byAccount} ${inScope}
      GROUP BY 1, 2, 3`;
  }
  if (q.groupBy.kind === "tag") {
    return Prisma.sql`
      SELECT ${account} AS account_id, c.month AS period, c.tag_value AS dim, sum(c.${metric}) AS amount, bool_or(c.estimated) AS estimated
      FROM cost_by_tag c
      WHERE c.tag_key = ${q.groupBy.tagKey} AND c.month BETWEEN ${q.firstDay}::date AND ${q.lastDay}::date ${byAccount} ${inScope}
      GROUP BY 1, 2, 3`;
  }
  const byService = q.groupBy.kind === "service";
  if (q.granularity === "daily") {
    return Prisma.sql`
      SELECT ${account} AS account_id, c.day AS period, ${byService ? Prisma.sql`c.service` : Prisma.sql`NULL::text`} AS dim, sum(c.${metric}) AS amount, false AS estimated
      FROM cost_daily c
      WHERE c.day BETWEEN ${q.firstDay}::date AND ${q.lastDay}::date ${byAccount} ${inScope}
      GROUP BY 1, 2, 3`;
  }
  if (byService) {
    return Prisma.sql`
      SELECT ${account} AS account_id, c.month AS period, c.service AS dim, sum(c.${metric}) AS amount, bool_or(c.estimated) AS estimated
      FROM cost_monthly c
      WHERE c.month BETWEEN ${q.firstDay}::date AND ${q.lastDay}::date ${byAccount} ${inScope}
      GROUP BY 1, 2, 3`;
  }
  // Already one row per account and month: no aggregation needed.
  return Prisma.sql`
    SELECT c.account_id, c.month AS period, NULL::text AS dim, c.${metric} AS amount, c.estimated_count > 0 AS estimated
    FROM cost_account_month c
    WHERE c.month BETWEEN ${q.firstDay}::date AND ${q.lastDay}::date ${byAccount} ${inScope}`;
}

/**
 * Placement spans per account in months: a placement holds from the month it started until the month
 * the next one started, so each charge month has exactly one OU — the one the account sat in at the
 * month's end. The first placement also covers any spend from before the account joined.
 * Only accounts that ever moved need spans; every other account sat in its current OU throughout.
 */
const SPANS = Prisma.sql`
  SELECT account_id, ou_id,
    CASE WHEN row_number() OVER w = 1 THEN '-infinity'::date ELSE date_trunc('month', valid_from AT TIME ZONE 'UTC')::date END AS m_from,
    coalesce(date_trunc('month', lead(valid_from) OVER w AT TIME ZONE 'UTC')::date, 'infinity'::date) AS m_to
  FROM account_placement
  WHERE account_id IN (
    SELECT p.account_id FROM account_placement p JOIN account a ON a.id = p.account_id
    GROUP BY p.account_id HAVING count(*) > 1 OR bool_or(p.ou_id <> a.ou_id))
  WINDOW w AS (PARTITION BY account_id ORDER BY valid_from, id)`;

export function buildCostSql(q: TCostSqlInput, scope: Scope): Prisma.Sql {
  const kind = q.groupBy.kind;
  const ouByMonth = kind === "ou" || (q.ou !== null && q.ouAt === "month" && kind !== "ou-today");
  const needsAccount = ouByMonth || kind === "ou-today" || kind === "cost-center" || q.ou !== null;
  const chargeMonth =
    q.granularity === "daily"
      ? Prisma.sql`date_trunc('month', f.period)::date`
      : Prisma.sql`f.period`;
  // Accounts that never moved (and any without placement rows) sit in their current OU.
  const monthOu = Prisma.sql`coalesce(s.ou_id, a.ou_id)`;
  const ouOf = ouByMonth ? monthOu : Prisma.sql`a.ou_id`;

  const key: Record<TGroupBy["kind"], Prisma.Sql> = {
    account: Prisma.sql`f.account_id`,
    ou: monthOu,
    "ou-today": Prisma.sql`a.ou_id`,
    service: Prisma.sql`f.dim`,
    "cost-center": Prisma.sql`coalesce(a.cost_center, '')`,
    tag: Prisma.sql`f.dim`,
    "charge-type": Prisma.sql`f.dim`,
    region: Prisma.sql`f.dim`,
  };
  const joins = Prisma.join(
    [
      // LEFT: spend of an account OrgLens never stored still counts (in the "outside the organization" group).
      needsAccount ? Prisma.sql`LEFT JOIN account a ON a.id = f.account_id` : Prisma.empty,
      ouByMonth
        ? Prisma.sql`LEFT JOIN spans s ON s.account_id = f.account_id AND ${chargeMonth} >= s.m_from AND ${chargeMonth} < s.m_to`
        : Prisma.empty,
      q.ou !== null
        ? Prisma.sql`JOIN org_unit fo ON fo.id = ${ouOf} AND ${q.ou} = ANY(fo.path_ids)`
        : Prisma.empty,
    ],
    " ",
  );
  const label =
    kind === "account"
      ? {
          column: Prisma.sql`la.name`,
          join: Prisma.sql`LEFT JOIN account la ON la.id = g.group_key`,
        }
      : kind === "ou" || kind === "ou-today"
        ? {
            column: Prisma.sql`lo.path`,
            join: Prisma.sql`LEFT JOIN org_unit lo ON lo.id = g.group_key`,
          }
        : { column: Prisma.sql`NULL::text`, join: Prisma.empty };
  const page = q.page ? Prisma.sql`LIMIT ${q.page.limit} OFFSET ${q.page.offset}` : Prisma.empty;

  // The page of groups, largest first and named only once chosen, then one totals row (is_total)
  // with the column sums over every group, the periods with estimated spend and the group count:
  // summed exactly in SQL rather than over thousands of groups in JavaScript.
  return Prisma.sql`
    WITH facts AS (${facts(q, scope)}),
    spans AS (${SPANS}),
    cells AS (
      SELECT coalesce(${key[kind]}, '') AS group_key, f.period, sum(f.amount) AS amount, bool_or(f.estimated) AS estimated
      FROM facts f ${joins}
      GROUP BY 1, 2
    ),
    groups AS (
      SELECT c.group_key,
        array_agg(to_char(c.period, 'YYYY-MM-DD') ORDER BY c.period) AS periods,
        array_agg(trim_scale(c.amount)::text ORDER BY c.period) AS amounts,
        array_agg(c.estimated ORDER BY c.period) AS estimated,
        sum(c.amount) AS sort
      FROM cells c
      GROUP BY c.group_key
    ),
    shown AS (SELECT * FROM groups g ORDER BY g.sort DESC, g.group_key ${page}),
    columns AS (
      SELECT period, sum(amount) AS amount, bool_or(estimated) AS estimated FROM cells GROUP BY period
    )
    SELECT r.is_total, r.group_key, r.label, r.periods, r.amounts, r.estimated, r.total, r.group_count, r.blank_total
    FROM (
      SELECT false AS is_total, g.group_key, ${label.column} AS label, g.periods, g.amounts, g.estimated,
        trim_scale(g.sort)::text AS total, g.sort, NULL::int AS group_count, NULL::text AS blank_total
      FROM shown g ${label.join}
      UNION ALL
      SELECT true, '', NULL,
        coalesce(array_agg(to_char(t.period, 'YYYY-MM-DD') ORDER BY t.period), '{}'),
        coalesce(array_agg(trim_scale(t.amount)::text ORDER BY t.period), '{}'),
        coalesce(array_agg(t.estimated ORDER BY t.period), '{}'),
        coalesce(trim_scale(sum(t.amount))::text, '0'), NULL, (SELECT count(*)::int FROM groups),
        (SELECT trim_scale(b.sort)::text FROM groups b WHERE b.group_key = '')
      FROM columns t
    ) r
    ORDER BY r.is_total, r.sort DESC, r.group_key`;
}
