// A collection_run row as the runs page shows it: durations, request totals and finding counts.
import "server-only";
import { z } from "zod";
import type { TRunSummary } from "@/lib/api/runs";
import type { Prisma } from "@/lib/generated/prisma/client";

export const RUN_SUMMARY_SELECT = {
  id: true,
  source: true,
  status: true,
  phase: true,
  progressDone: true,
  progressTotal: true,
  startedAt: true,
  finishedAt: true,
  heartbeatAt: true,
  accountsSeen: true,
  accountsAudited: true,
  accountsFailed: true,
  apiRequests: true,
  ceRequests: true,
  ceCostUsd: true,
  costTagKeys: true,
  error: true,
  summary: true,
  triggeredBy: true,
} satisfies Prisma.CollectionRunSelect;

type RunRow = Prisma.CollectionRunGetPayload<{ select: typeof RUN_SUMMARY_SELECT }>;

const ZCounts = z.record(z.string(), z.number());
/** Evaluation summaries count findings per check ({ checkId: n }); older ones may hold a plain number. */
const ZCount = z.union([
  z.number(),
  ZCounts.transform((byCheck) => Object.values(byCheck).reduce((a, b) => a + b, 0)),
]);
const ZFindingsSummary = z
  .object({
    findings: z
      .object({ opened: ZCount.optional(), resolved: ZCount.optional() })
      .loose()
      .optional(),
  })
  .loose();

/**
 * How a run is shown: in full to callers who see the whole organization; to an OU-scoped caller without
 * the organization's totals (its size, spend on API calls, findings, raw error text), with failures
 * counted over their own accounts only.
 */
export type RunView = { scoped: false } | { scoped: true; failedAccounts: number };

export const FULL_VIEW: RunView = { scoped: false };

export function toRunSummary(r: RunRow, view: RunView = FULL_VIEW): TRunSummary {
  if (view.scoped) {
    return {
      ...toFullSummary(r),
      progressDone: 0,
      progressTotal: 0,
      accountsSeen: null,
      accountsAudited: null,
      accountsFailed: view.failedAccounts,
      apiRequests: {},
      apiRequestTotal: null,
      ceRequests: null,
      ceCostUsd: null,
      findingsOpened: null,
      findingsResolved: null,
      error: r.error === null ? null : "The run failed; an admin can see why.",
      orgTotalsHidden: true,
    };
  }
  return toFullSummary(r);
}

function toFullSummary(r: RunRow): TRunSummary {
  const apiRequests = ZCounts.catch({}).parse(r.apiRequests);
  const findings = ZFindingsSummary.catch({}).parse(r.summary).findings;
  return {
    id: r.id,
    source: r.source,
    status: r.status,
    phase: r.phase,
    progressDone: r.progressDone,
    progressTotal: r.progressTotal,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    heartbeatAt: r.heartbeatAt.toISOString(),
    durationMs: r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null,
    accountsSeen: r.accountsSeen,
    accountsAudited: r.accountsAudited,
    accountsFailed: r.accountsFailed,
    apiRequests,
    apiRequestTotal: Object.values(apiRequests).reduce((a, b) => a + b, 0),
    ceRequests: r.ceRequests,
    ceCostUsd: r.ceCostUsd.toFixed(2),
    costTagKeys: r.costTagKeys,
    findingsOpened: findings?.opened ?? null,
    findingsResolved: findings?.resolved ?? null,
    error: r.error,
    triggeredBy: r.triggeredBy,
    orgTotalsHidden: false,
  };
}
