// Evaluation step of a collection run, inside the store transaction: checks over the snapshot (its
// cost facts completed from the stored history for what the run did not refetch), the findings
// lifecycle, and this run's KPIs, committed atomically with the snapshot they describe.
import { randomUUID } from "node:crypto";
import type { RunRequest } from "@/lib/collect/run";
import { ALL_CHECKS, checkDefinition, fingerprintOf, runChecks } from "@/lib/domain/checks";
import { indexSnapshot } from "@/lib/domain/checks/org-index";
import { isMutedAt } from "@/lib/domain/kpis";
import { accountCreators } from "./findings/account-creators";
import { applyExceptionRules } from "./findings/apply-exceptions";
import { requestProcessContext } from "./findings/request-process-context";
import { planLifecycle, summarizePlan } from "./findings/plan-lifecycle";
import { storeKpis } from "./findings/store-kpis";
import { withStoredCosts } from "./findings/stored-costs";
import { writeFindings } from "./findings/write-findings";

type TEvaluate = NonNullable<RunRequest["evaluate"]>;

export interface EvaluateOptions {
  /** Checks not run (their evidence is not in the snapshot): their stored findings are left untouched. */
  keepFindingsOf?: readonly string[];
  /**
   * When the findings lifecycle and KPIs are recorded, if not at the snapshot's time: a re-evaluation
   * judges the evidence as of its collection and records the outcome now.
   */
  recordedAt?: Date;
}

export const evaluateRun = async (
  ...[tx, fetched, runId, settings, opts = {}]: [...Parameters<TEvaluate>, EvaluateOptions?]
): ReturnType<TEvaluate> => {
  const kept = new Set(opts.keepFindingsOf ?? []);
  const snap = await withStoredCosts(tx, fetched);
  const checkedAt = new Date(snap.collectedAt);
  const now = opts.recordedAt ?? checkedAt;
  const known = await tx.knownAccount.findMany({ select: { accountId: true } });
  const knownAccountIds = new Set(known.map((k) => k.accountId));
  const requestCtx = await requestProcessContext(tx, snap.createAccountStatuses);
  const accountCreatorsById = await accountCreators(tx, snap.createAccountStatuses);
  const stored = await tx.finding.findMany({
    where: kept.size ? { checkId: { notIn: [...kept] } } : {},
    select: {
      id: true,
      fingerprint: true,
      checkId: true,
      accountId: true,
      ouId: true,
      resource: true,
      status: true,
      stale: true,
      mutedUntil: true,
      muteReason: true,
    },
  });

  // Open findings a CloudTrail event reported after this evidence was gathered (their evidence says
  // so until a collection sees them): older evidence does not resolve them.
  const newerThanEvidence = await tx.$queryRaw<{ fingerprint: string }[]>`
    SELECT fingerprint FROM finding
    WHERE status = 'open' AND evidence->>'source' = 'event' AND last_seen_at > ${checkedAt}`;

  const checks = kept.size ? ALL_CHECKS.filter((c) => !kept.has(c.definition.id)) : ALL_CHECKS;
  const seen = runChecks(
    snap,
    settings,
    { knownAccountIds, now: checkedAt, ...requestCtx, accountCreators: accountCreatorsById },
    checks,
  );
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
    newerThanEvidence: new Set(newerThanEvidence.map((r) => r.fingerprint)),
    undecided: new Set(
      checks
        .flatMap(
          (c) =>
            c.undecided?.(
              snap,
              stored.filter((s) => s.status === "open" && s.checkId === c.definition.id),
            ) ?? [],
        )
        .map(fingerprintOf),
    ),
    newId: randomUUID,
  });
  await writeFindings(tx, plan, { runId, now, definitionOf: checkDefinition });
  await applyExceptionRules(tx, { now, runId, actor: null });
  const { kpis, openFindings } = await storeKpis(tx, snap, {
    runId,
    now,
    settings,
    knownAccountIds,
  });

  const excepted = openFindings.filter((f) => f.excepted).length;
  const muted = openFindings.filter((f) => !f.excepted && isMutedAt(f, now)).length;
  return {
    findings: {
      ...summarizePlan(plan),
      open: openFindings.length - muted - excepted,
      muted,
      excepted,
      checks: ALL_CHECKS.length,
    },
    kpis: kpis.length,
  };
};
