import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { TOuTree, TOuTreeNode } from "@/lib/api/org";
import type { Period } from "@/lib/domain/org/period";
import { inheritedPolicies } from "@/lib/domain/org/scps";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/domain/access";
import { getSecurityHubView } from "./security-hub-rollup";

const ZRow = z.object({
  kind: z.enum(["ou", "account"]),
  id: z.string(),
  parent_id: z.string().nullable(),
  name: z.string(),
  status: z.string().nullable(),
  environment: z.string().nullable(),
  accounts: z.number(),
  spend: z.string(),
  critical: z.number(),
  high: z.number(),
  medium: z.number(),
  low: z.number(),
  compliant: z.number(),
});

const ZMonthRange = z.object({ first: z.string().nullable(), last: z.string().nullable() });
const SCP = "SERVICE_CONTROL_POLICY";

/**
 * Every OU and account the caller may see, with its subtree's spend over the period, account count,
 * open findings and compliant accounts. The roll-up is one statement (each OU's totals count once for
 * every OU on its path, path_ids), so there are no per-node queries.
 */
export async function getOuTree(db: Db, scope: Scope, period: Period): Promise<TOuTree> {
  const inScope = scope.ouIds ? Prisma.sql`AND o.path_ids && ${scope.ouIds}::text[]` : Prisma.empty;
  const [rows, allOus, targets, policies, months, hub] = await Promise.all([
    db.$queryRaw`
      WITH open_finding AS (
        SELECT f.account_id, f.ou_id, f.severity FROM finding f
        WHERE f.status = 'open' AND (f.muted_until IS NULL OR f.muted_until <= now()) AND f.exception_rule_id IS NULL AND f.severity <> 'info'
      ),
      acct AS (
        SELECT a.id, a.name, a.ou_id, a.status, a.environment, coalesce(s.spend, 0) AS spend,
          coalesce(f.critical, 0) AS critical, coalesce(f.high, 0) AS high, coalesce(f.medium, 0) AS medium, coalesce(f.low, 0) AS low
        FROM account a JOIN org_unit o ON o.id = a.ou_id
        LEFT JOIN (
          SELECT account_id,
            count(*) FILTER (WHERE severity = 'critical')::int AS critical, count(*) FILTER (WHERE severity = 'high')::int AS high,
            count(*) FILTER (WHERE severity = 'medium')::int AS medium, count(*) FILTER (WHERE severity = 'low')::int AS low
          FROM open_finding WHERE account_id IS NOT NULL GROUP BY account_id
        ) f ON f.account_id = a.id
        -- cost_account_month: cost_monthly summed per account and month (kept exact by triggers).
        LEFT JOIN (
          SELECT account_id, sum(unblended) AS spend FROM cost_account_month
          WHERE month BETWEEN ${period.from}::date AND ${period.to}::date GROUP BY account_id
        ) s ON s.account_id = a.id
        WHERE a.removed_at IS NULL ${inScope}
      ),
      -- Findings on an OU (or, with neither account nor OU, on the organization: the root) count for it and its ancestors.
      ou_finding AS (
        SELECT anc.id,
          count(*) FILTER (WHERE f.severity = 'critical')::int AS critical, count(*) FILTER (WHERE f.severity = 'high')::int AS high,
          count(*) FILTER (WHERE f.severity = 'medium')::int AS medium, count(*) FILTER (WHERE f.severity = 'low')::int AS low
        FROM open_finding f
        JOIN org_unit o ON o.id = coalesce(f.ou_id, (SELECT r.id FROM org_unit r WHERE r.parent_id IS NULL AND r.removed_at IS NULL LIMIT 1))
        CROSS JOIN LATERAL unnest(o.path_ids) AS anc(id)
        WHERE f.account_id IS NULL
        GROUP BY anc.id
      ),
      -- Accounts group into their OU first (one row per OU), then each OU adds into its ancestors: far
      -- fewer rows to unnest than one per account and ancestor.
      ou_direct AS (
        SELECT ou_id, count(*)::int AS accounts, sum(spend) AS spend,
          sum(critical)::int AS critical, sum(high)::int AS high, sum(medium)::int AS medium, sum(low)::int AS low,
          count(*) FILTER (WHERE critical + high = 0)::int AS compliant
        FROM acct GROUP BY ou_id
      ),
      ou_rollup AS (
        SELECT anc.id, sum(d.accounts)::int AS accounts, sum(d.spend) AS spend,
          sum(d.critical)::int AS critical, sum(d.high)::int AS high, sum(d.medium)::int AS medium, sum(d.low)::int AS low,
          sum(d.compliant)::int AS compliant
        FROM ou_direct d JOIN org_unit o ON o.id = d.ou_id CROSS JOIN LATERAL unnest(o.path_ids) AS anc(id)
        GROUP BY anc.id
      )
      SELECT 'ou' AS kind, o.id, o.parent_id, o.name, NULL::text AS status, NULL::text AS environment, coalesce(r.accounts, 0) AS accounts,
        trim_scale(coalesce(r.spend, 0))::text AS spend,
        coalesce(r.critical, 0) + coalesce(f.critical, 0) AS critical, coalesce(r.high, 0) + coalesce(f.high, 0) AS high,
        coalesce(r.medium, 0) + coalesce(f.medium, 0) AS medium, coalesce(r.low, 0) + coalesce(f.low, 0) AS low,
        coalesce(r.compliant, 0) AS compliant
      FROM org_unit o LEFT JOIN ou_rollup r ON r.id = o.id LEFT JOIN ou_finding f ON f.id = o.id
      WHERE o.removed_at IS NULL ${inScope}
      UNION ALL
      SELECT 'account', id, ou_id, name, status, environment, 1, trim_scale(spend)::text, critical, high, medium, low,
        CASE WHEN critical + high = 0 THEN 1 ELSE 0 END
      FROM acct`,
    db.orgUnit.findMany({ where: { removedAt: null }, select: { id: true, parentId: true } }),
    db.policyTarget.findMany({
      where: { policy: { type: SCP } },
      select: { policyId: true, targetId: true },
    }),
    db.policy.findMany({
      where: { type: SCP },
      select: { id: true, name: true, description: true, awsManaged: true },
      orderBy: { name: "asc" },
    }),
    db.$queryRaw`SELECT to_char(min(month), 'YYYY-MM-DD') AS first, to_char(max(month), 'YYYY-MM-DD') AS last FROM cost_account_month`,
    getSecurityHubView(db, scope),
  ]);

  const parsed = z.array(ZRow).parse(rows);
  const attached = new Map<string, string[]>();
  for (const t of targets)
    attached.set(t.targetId, [...(attached.get(t.targetId) ?? []), t.policyId]);
  // Inheritance runs over the whole OU tree, so a scoped user's top OUs still show what Root passes down.
  const links = [
    ...allOus,
    ...parsed.filter((r) => r.kind === "account").map((r) => ({ id: r.id, parentId: r.parent_id })),
  ];
  const inherited = inheritedPolicies(links, attached);
  const visible = new Set(parsed.map((r) => r.id));

  const nodes: TOuTreeNode[] = parsed.map((r) => ({
    kind: r.kind,
    id: r.id,
    // The parent of a scoped user's top OU is outside their scope: not even its id is shown.
    parentId: r.parent_id !== null && visible.has(r.parent_id) ? r.parent_id : null,
    name: r.name,
    status: r.status,
    environment: r.environment,
    accountCount: r.accounts,
    spend: r.spend,
    findings: { critical: r.critical, high: r.high, medium: r.medium, low: r.low },
    compliantAccounts: r.compliant,
    attachedScpIds: (attached.get(r.id) ?? []).slice().sort(),
    inheritedScpIds: inherited.get(r.id) ?? [],
    securityHub: hubOf(hub, r.kind, r.id),
  }));
  const used = new Set(nodes.flatMap((n) => [...n.attachedScpIds, ...n.inheritedScpIds]));
  const range = ZMonthRange.array().parse(months)[0] ?? { first: null, last: null };
  // Rows were parsed above; re-validating thousands of built nodes would only cost time.
  return { period, costMonths: range, nodes, policies: policies.filter((p) => used.has(p.id)) };
}

function hubOf(
  hub: Awaited<ReturnType<typeof getSecurityHubView>>,
  kind: "ou" | "account",
  id: string,
): TOuTreeNode["securityHub"] {
  if (kind === "ou") return hub.byOu.get(id) ?? null;
  const a = hub.byAccount.get(id);
  if (!a) return null;
  const standards = (a.standards ?? []).map((arn) => ({ arn, accounts: 1 }));
  return {
    accounts: 1,
    enabledAccounts: a.enabled ? 1 : 0,
    critical: a.critical,
    high: a.high,
    medium: a.medium,
    standards,
  };
}
