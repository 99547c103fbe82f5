// Gathers the KPI inputs that live in the store (findings after the lifecycle, last known evidence,
// provisioning history), computes this run's KPIs and writes them with the run.
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { indexSnapshot } from "@/lib/domain/checks/org-index";
import { KPI, ORG_SCOPE, computeKpis, findNewlyCompliant, type TAccountCompliance, type TKpiFinding, type TKpiValue } from "@/lib/domain/kpis";
import type { TSettings } from "@/lib/domain/settings";
import type { TSnapshot } from "@/lib/domain/snapshot";

/**
 * First-compliant markers ride in kpi_snapshot under their own scope, one row per account, written
 * once: the schema has no column for it (see the report) and the index (scope, kpi, at) serves it.
 */
export const COMPLIANCE_SCOPE = "account-compliance";
const COMPLIANCE_PREFIX = "FIRST_COMPLIANT:";

const ZByIdentityType = z.record(z.string(), z.number());
const ZComplianceDetail = z.object({ observed: z.boolean() });

export interface TKpiRunContext {
  runId: string;
  now: Date;
  settings: TSettings;
  knownAccountIds: ReadonlySet<string>;
}

export async function storeKpis(tx: Prisma.TransactionClient, snap: TSnapshot, ctx: TKpiRunContext): Promise<{ kpis: TKpiValue[]; openFindings: TKpiFinding[] }> {
  const { now, settings } = ctx;
  const windowStart = new Date(now.getTime() - settings.provisioningWindowDays * 86_400_000);
  // One after the other: an interactive transaction runs on a single connection anyway.
  const openFindings = await tx.finding.findMany({
    where: { status: "open" },
    select: { checkId: true, category: true, severity: true, accountId: true, ouId: true, mutedUntil: true, stale: true },
  });
  const loginRows = await tx.loginStat.findMany();
  const budgetRows = await tx.awsBudget.findMany({ select: { accountId: true, name: true, limit: true, actual: true } });
  const creationRows = await tx.accountCreation.findMany({
    where: { state: "SUCCEEDED", accountId: { not: null }, requestedAt: { gte: windowStart } },
    select: { accountId: true, state: true, requestedAt: true, completedAt: true },
  });
  const markerRows = await tx.kpiSnapshot.findMany({ where: { scopeId: COMPLIANCE_SCOPE }, select: { kpiId: true, at: true, detail: true } });
  const firstRun = await tx.kpiSnapshot.findFirst({
    where: { scopeId: ORG_SCOPE, kpiId: KPI.ACCOUNTS_IN_ORG_PCT },
    orderBy: { at: "asc" },
    select: { at: true },
  });

  const compliance: TAccountCompliance[] = markerRows.map((m) => ({
    accountId: m.kpiId.slice(COMPLIANCE_PREFIX.length),
    compliantAt: m.at,
    observed: ZComplianceDetail.safeParse(m.detail).data?.observed ?? false,
  }));
  const fresh = findNewlyCompliant({
    creations: creationRows,
    alreadyCompliant: new Set(compliance.map((c) => c.accountId)),
    auditedIds: indexSnapshot(snap).auditedIds,
    openFindings,
    now,
    watchingSince: firstRun?.at ?? now,
  });

  const kpis = computeKpis({
    snap,
    settings,
    now,
    knownAccountIds: ctx.knownAccountIds,
    openFindings,
    loginStats: loginRows.map((r) => ({
      accountId: r.accountId,
      byIdentityType: ZByIdentityType.safeParse(r.byIdentityType).data ?? {},
      longTermKeysInUse: r.longTermKeysInUse,
      temporaryKeysInUse: r.temporaryKeysInUse,
    })),
    budgets: budgetRows.map((b) => ({ accountId: b.accountId, name: b.name, limit: b.limit.toString(), actual: b.actual?.toString() ?? null })),
    creations: creationRows,
    compliance: [...compliance, ...fresh],
  });

  const creationOf = new Map(creationRows.map((c) => [c.accountId, c]));
  const rows: Prisma.KpiSnapshotCreateManyInput[] = [
    ...kpis.map((k) => ({ runId: ctx.runId, at: now, ...k })),
    ...fresh.map((c) => {
      const creation = creationOf.get(c.accountId);
      const hours = creation ? (c.compliantAt.getTime() - creation.requestedAt.getTime()) / 3_600_000 : null;
      return {
        runId: ctx.runId,
        scopeId: COMPLIANCE_SCOPE,
        kpiId: `${COMPLIANCE_PREFIX}${c.accountId}`,
        at: now,
        value: hours === null ? null : hours.toFixed(6),
        detail: { observed: c.observed, requestedAt: creation?.requestedAt.toISOString() ?? null, completedAt: creation?.completedAt?.toISOString() ?? null },
      };
    }),
  ];
  for (let i = 0; i < rows.length; i += 5_000) await tx.kpiSnapshot.createMany({ data: rows.slice(i, i + 5_000) });
  return { kpis, openFindings };
}
