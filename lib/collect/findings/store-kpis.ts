// Gathers the KPI inputs that live in the store (findings after the lifecycle, last known evidence,
// provisioning history over the stored runs), computes this run's KPIs and writes them with the run.
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { indexSnapshot } from "@/lib/domain/checks/org-index";
import { computeKpis, type TKpiFinding, type TKpiValue } from "@/lib/domain/kpis";
import type { TSettings } from "@/lib/domain/settings";
import type { TSnapshot } from "@/lib/domain/snapshot";
import { readCommitmentKpiInput } from "./commitment-kpi-input";
import { readProvisioningHistory } from "./provisioning-history";

const ZByIdentityType = z.record(z.string(), z.number());

export interface TKpiRunContext {
  runId: string;
  now: Date;
  settings: TSettings;
  knownAccountIds: ReadonlySet<string>;
}

export async function storeKpis(
  tx: Prisma.TransactionClient,
  snap: TSnapshot,
  ctx: TKpiRunContext,
): Promise<{ kpis: TKpiValue[]; openFindings: TKpiFinding[] }> {
  const { now, settings } = ctx;
  // One after the other: an interactive transaction runs on a single connection anyway.
  const openRows = await tx.finding.findMany({
    where: { status: "open" },
    select: {
      checkId: true,
      category: true,
      severity: true,
      accountId: true,
      ouId: true,
      mutedUntil: true,
      exceptionRuleId: true,
      stale: true,
    },
  });
  const openFindings = openRows.map(({ exceptionRuleId, ...f }) => ({
    ...f,
    excepted: exceptionRuleId !== null,
  }));
  const loginRows = await tx.loginStat.findMany();
  const budgetRows = await tx.awsBudget.findMany({
    select: { accountId: true, name: true, limit: true, actual: true },
  });
  const index = indexSnapshot(snap);
  const unaudited = new Set(
    index.activeAccounts.map((a) => a.id).filter((id) => !index.auditedIds.has(id)),
  );
  const provisioning = await readProvisioningHistory(tx, {
    now,
    windowDays: settings.provisioningWindowDays,
    currentRun: { at: now, unauditedIds: unaudited },
  });

  const commitments = await readCommitmentKpiInput(tx, now);

  const kpis = computeKpis({
    snap,
    commitments,
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
    budgets: budgetRows.map((b) => ({
      accountId: b.accountId,
      name: b.name,
      limit: b.limit.toString(),
      actual: b.actual?.toString() ?? null,
    })),
    ...provisioning,
  });

  const rows: Prisma.KpiSnapshotCreateManyInput[] = kpis.map((k) => ({
    runId: ctx.runId,
    at: now,
    ...k,
  }));
  for (let i = 0; i < rows.length; i += 5_000)
    await tx.kpiSnapshot.createMany({ data: rows.slice(i, i + 5_000) });
  return { kpis, openFindings };
}
