// The findings lifecycle as a pure plan: what this run opens, keeps, reopens, resolves or marks
// stale, given the stored findings and what the checks saw. The writer only executes the plan.
import { fingerprintOf, type TEvidenceKind, type TFinding } from "@/lib/domain/checks/types";

export interface TStoredFinding {
  id: string;
  fingerprint: string;
  checkId: string;
  accountId: string | null;
  /** "open" | "resolved" */
  status: string;
  stale: boolean;
  mutedUntil: Date | null;
  muteReason: string | null;
}

export interface TLifecycleInput {
  stored: readonly TStoredFinding[];
  seen: readonly TFinding[];
  now: Date;
  evidenceKindOf: (checkId: string) => TEvidenceKind | undefined;
  /** ACTIVE accounts of the snapshot whose audit did not succeed in this run. */
  unauditedAccountIds: ReadonlySet<string>;
  /**
   * Open findings a CloudTrail event saw after this evidence was gathered (lib/collect/events): the
   * evidence is older than what they report, so it neither resolves them nor marks them stale. The
   * next collection, gathered after the event, confirms or resolves them.
   */
  newerThanEvidence?: ReadonlySet<string>;
  /** Fingerprints the checks could not decide on this evidence (TCheck.undecided): kept, stale. */
  undecided?: ReadonlySet<string>;
  newId: () => string;
}

export interface TSeenFinding {
  id: string;
  finding: TFinding;
  /** It was resolved and is back. */
  reopened: boolean;
}

export interface TLifecyclePlan {
  create: { id: string; fingerprint: string; finding: TFinding }[];
  seen: TSeenFinding[];
  resolve: TStoredFinding[];
  /** Open findings kept on the last known evidence of an account that could not be audited. */
  stale: TStoredFinding[];
  /** Mutes that have expired since the last run. */
  unmute: TStoredFinding[];
}

export function planLifecycle(input: TLifecycleInput): TLifecyclePlan {
  const storedByFp = new Map(input.stored.map((s) => [s.fingerprint, s]));
  const plan: TLifecyclePlan = { create: [], seen: [], resolve: [], stale: [], unmute: [] };
  const seenFps = new Set<string>();

  for (const finding of input.seen) {
    const fp = fingerprintOf(finding);
    if (seenFps.has(fp)) continue;
    seenFps.add(fp);
    const stored = storedByFp.get(fp);
    if (stored) plan.seen.push({ id: stored.id, finding, reopened: stored.status !== "open" });
    else plan.create.push({ id: input.newId(), fingerprint: fp, finding });
  }

  for (const stored of input.stored) {
    if (stored.mutedUntil !== null && stored.mutedUntil.getTime() <= input.now.getTime())
      plan.unmute.push(stored);
    if (stored.status !== "open" || seenFps.has(stored.fingerprint)) continue;
    if (input.newerThanEvidence?.has(stored.fingerprint)) continue;
    // No fresh evidence for this account: what was last seen still stands, flagged stale.
    const keep =
      input.undecided?.has(stored.fingerprint) === true ||
      (input.evidenceKindOf(stored.checkId) === "account-audit" &&
        stored.accountId !== null &&
        input.unauditedAccountIds.has(stored.accountId));
    if (keep) plan.stale.push(stored);
    else plan.resolve.push(stored);
  }
  return plan;
}

export interface TLifecycleSummary {
  opened: Record<string, number>;
  reopened: Record<string, number>;
  resolved: Record<string, number>;
  stale: number;
  unmuted: number;
}

function countBy(items: readonly { checkId: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[i.checkId] = (out[i.checkId] ?? 0) + 1;
  return out;
}

export function summarizePlan(plan: TLifecyclePlan): TLifecycleSummary {
  return {
    opened: countBy(plan.create.map((c) => c.finding)),
    reopened: countBy(plan.seen.filter((s) => s.reopened).map((s) => s.finding)),
    resolved: countBy(plan.resolve),
    stale: plan.stale.length,
    unmuted: plan.unmute.length,
  };
}
