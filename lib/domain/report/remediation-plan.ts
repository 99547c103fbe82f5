// The gap report's rules, stated once: an area's status from its open findings, and the phase of
// each remediation item from its severity and effort. The report prints these texts next to the result.
import type { TSeverity } from "@/lib/domain/checks/types";
import { SEVERITIES } from "@/lib/domain/checks/types";
import { EFFORTS, type TEffort } from "./playbook-areas";

export const AREA_STATUSES = ["met", "partly", "not-met"] as const;
export type TAreaStatus = (typeof AREA_STATUSES)[number];

export const AREA_STATUS_LABEL: Record<TAreaStatus, string> = {
  met: "Met",
  partly: "Partly met",
  "not-met": "Not met",
};

export const STATUS_RULE =
  "Not met: at least one open critical or high finding. Partly met: open medium or low findings only. " +
  "Met: no open findings above info. Open means open and not muted: muted (accepted) findings are " +
  "listed apart and do not count; findings excepted by a rule are never opened.";

type TSeverityCounts = Record<TSeverity, number>;

export function areaStatus(open: TSeverityCounts): TAreaStatus {
  if (open.critical + open.high > 0) return "not-met";
  if (open.medium + open.low > 0) return "partly";
  return "met";
}

export const PHASES = [1, 2, 3] as const;
export type TPhase = (typeof PHASES)[number];

export const PHASE_LABEL: Record<TPhase, string> = {
  1: "Phase 1: now (quick wins on the worst risks)",
  2: "Phase 2: next",
  3: "Phase 3: later",
};

export const PHASE_RULE =
  "Phase 1: every critical item, and high items of small effort. Phase 2: the other high items, and " +
  "medium items of small or medium effort. Phase 3: the rest (large medium items, low and info). " +
  "Within a phase: by severity, then effort (small first), then the number of open findings (most first).";

export function phaseOf(severity: TSeverity, effort: TEffort): TPhase {
  if (severity === "critical" || (severity === "high" && effort === "S")) return 1;
  if (severity === "high" || (severity === "medium" && effort !== "L")) return 2;
  return 3;
}

export interface TPlanInput {
  severity: TSeverity;
  effort: TEffort;
  open: number;
  checkId: string;
}

/** Phase, then severity, then effort, then size (most open first), then check id for a stable order. */
export function comparePlanItems(a: TPlanInput, b: TPlanInput): number {
  return (
    phaseOf(a.severity, a.effort) - phaseOf(b.severity, b.effort) ||
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    EFFORTS.indexOf(a.effort) - EFFORTS.indexOf(b.effort) ||
    b.open - a.open ||
    a.checkId.localeCompare(b.checkId)
  );
}
