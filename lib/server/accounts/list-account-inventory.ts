import "server-only";
import { z } from "zod";
import type { Scope } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { AUDIT_STATUSES, type TAccountInventory } from "@/lib/api/accounts";
import { addMonths, monthOf } from "@/lib/domain/months";
import { Prisma } from "@/lib/generated/prisma/client";

const ZRow = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  status: z.string(),
  ou_path: z.string(),
  environment: z.string().nullable(),
  owner: z.string().nullable(),
  cost_center: z.string().nullable(),
  spend: z.string(),
  previous_spend: z.string(),
  critical: z.number(),
  high: z.number(),
  medium: z.number(),
  low: z.number(),
  info: z.number(),
  audit_status: z.enum(AUDIT_STATUSES).catch("never"),
  audited_at: z.date().nullable(),
});

/**
 * Every account of the organization in the caller's scope (thousands: one statement, no paging) with
 * its OU path, owner tag, last full month's spend and change, open unmuted findings by severity and
 * latest audit outcome, ordered by name.
 */
export async function listAccountInventory(
  db: Db,
  scope: Scope,
  now = new Date(),
): Promise<TAccountInventory> {
  const month = addMonths(monthOf(now), -1);
  const previousMonth = addMonths(month, -1);
  const inScope = scope.ouIds ? Prisma.sql`AND o.path_ids && ${scope.ouIds}::text[]` : Prisma.empty;
  const raw = await db.$queryRaw`
    SELECT a.id, a.name, a.email, a.status, o.path AS ou_path, a.environment, a.tags->>'owner' AS owner, a.cost_center,
      coalesce(trim_scale(cur.unblended)::text, '0') AS spend, coalesce(trim_scale(prev.unblended)::text, '0') AS previous_spend,
      coalesce(f.critical, 0)::int AS critical, coalesce(f.high, 0)::int AS high, coalesce(f.medium, 0)::int AS medium,
      coalesce(f.low, 0)::int AS low, coalesce(f.info, 0)::int AS info, a.audit_status, a.audited_at
    FROM account a
    JOIN org_unit o ON o.id = a.ou_id
    LEFT JOIN cost_account_month cur ON cur.account_id = a.id AND cur.month = ${month}::date
    LEFT JOIN cost_account_month prev ON prev.account_id = a.id AND prev.month = ${previousMonth}::date
    LEFT JOIN (
      SELECT account_id,
        count(*) FILTER (WHERE severity = 'critical') AS critical, count(*) FILTER (WHERE severity = 'high') AS high,
        count(*) FILTER (WHERE severity = 'medium') AS medium, count(*) FILTER (WHERE severity = 'low') AS low,
        count(*) FILTER (WHERE severity = 'info') AS info
      FROM finding WHERE status = 'open' AND (muted_until IS NULL OR muted_until <= ${now}) AND exception_rule_id IS NULL AND account_id IS NOT NULL
      GROUP BY account_id
    ) f ON f.account_id = a.id
    WHERE a.removed_at IS NULL ${inScope}
    ORDER BY lower(a.name), a.id`;
  const rows = z.array(ZRow).parse(raw);
  return {
    month,
    previousMonth,
    accounts: rows.map((r) => {
      const prev = Number(r.previous_spend);
      return {
        id: r.id,
        name: r.name,
        email: r.email,
        status: r.status,
        ouPath: r.ou_path,
        environment: r.environment,
        owner: r.owner,
        costCenter: r.cost_center,
        spend: r.spend,
        previousSpend: r.previous_spend,
        changePct: prev > 0 ? Math.round(((Number(r.spend) - prev) / prev) * 1000) / 10 : null,
        findings: {
          critical: r.critical,
          high: r.high,
          medium: r.medium,
          low: r.low,
          info: r.info,
        },
        audit: r.audit_status,
        auditedAt: r.audited_at?.toISOString() ?? null,
      };
    }),
  };
}
