// Evaluation step of a collection run, inside the store transaction: checks over the snapshot (its
// cost facts completed from the stored history for what the run did not refetch), the findings
// lifecycle, and this run's KPIs, committed atomically with the snapshot they describe.
import { randomUUID } from "node:crypto";
import type { RunRequest } from "@/lib/collect/run";
import { ALL_CHECKS, checkDefinition, runChecks } from "@/lib/domain/checks";
import { indexSnapshot } from "@/lib/domain/checks/org-index";
import { isMutedAt } from "@/lib/domain/kpis";
import { requestProcessContext } from "./findings/request-process-context";
import { planLifecycle, summarizePlan } from "./findings/plan-lifecycle";
import { storeKpis } from "./findings/store-kpis";
import { withStoredCosts } from "./findings/stored-costs";
import { writeFindings } from "./findings/write-findings";

export const evaluateRun: NonNullable<RunRequest["evaluate"]> = async (
  tx,
  fetched,
  runId,
  settings,
) => {
  const snap = await withStoredCosts(tx, fetched);
  const now = new Date(snap.collectedAt);
  const known = await tx.knownAccount.findMany({ select: { accountId: true } });
  const knownAccountIds = new Set(known.map((k) => k.accountId));
  const requestCtx = await requestProcessContext(tx);
  const stored = await tx.finding.findMany({
    select: {
      id: true,
      fingerprint: true,
      checkId: true,
      accountId: true,
      status: true,
      stale: true,
      mutedUntil: true,
      muteReason: true,
    },
  });

  const seen = runChecks(snap, settings, { knownAccountIds, now, ...requestCtx });
  const index = indexSnapshot(snap);
  const unauditedAccountIds = new Set(
    index.activeAccounts.map((a) => a.id).filter((id) => !index.auditedIds.has(id)),
  );
  const plan = planLifecycle({
    stored,
    seen,
    now,
    evidenceKindOf: (id) => checkDefinition(id)?.evidenceKind,
    unauditedAccountIds,
    newId: randomUUID,
  });
  await writeFindings(tx, plan, { runId, now, definitionOf: checkDefinition });
  const { kpis, openFindings } = await storeKpis(tx, snap, {
    runId,
    now,
    settings,
    knownAccountIds,
  });

  const muted = openFindings.filter((f) => isMutedAt(f, now)).length;
  return {
    findings: {
      ...summarizePlan(plan),
      open: openFindings.length - muted,
      muted,
      checks: ALL_CHECKS.length,
    },
    kpis: kpis.length,
  };
};
