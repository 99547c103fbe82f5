// Vending an approved request: the ordered steps, where a retry resumes, the tags the account gets and
// how long to wait for Organizations. Pure: lib/server/requests/vend-account.ts does the AWS calls.
import type { TSettings } from "@/lib/domain/settings";

export const VENDING_STEPS = [
  "create_account",
  "wait_for_account",
  "move_account",
  "tag_account",
  "create_budget",
] as const;
export type TVendingStep = (typeof VENDING_STEPS)[number];

export const VENDING_STEP_LABELS: Readonly<Record<TVendingStep, string>> = {
  create_account: "CreateAccount",
  wait_for_account: "Account ready",
  move_account: "Moved to OU",
  tag_account: "Tagged",
  create_budget: "Budget",
};

export interface TStepRecord {
  step: string;
  status: "ok" | "failed";
}

/**
 * Where a retry starts: the first step not done, reading the log oldest first. A failure undoes its
 * step and every later one (a CreateAccount that failed on AWS's side is recorded against
 * create_account, so the retry calls CreateAccount again). Null once every step succeeded.
 */
export function resumeStep(records: readonly TStepRecord[]): TVendingStep | null {
  const done = new Set<string>();
  for (const r of records) {
    if (r.status === "ok") done.add(r.step);
    else {
      const from = VENDING_STEPS.findIndex((x) => x === r.step);
      if (from >= 0) for (const s of VENDING_STEPS.slice(from)) done.delete(s);
    }
  }
  return VENDING_STEPS.find((s) => !done.has(s)) ?? null;
}

/** The step the latest attempt failed at, or null when it did not fail (or was retried since). */
export function failedStep(records: readonly TStepRecord[]): TVendingStep | null {
  const last = records.at(-1);
  if (last?.status !== "failed") return null;
  return VENDING_STEPS.find((s) => s === last.step) ?? null;
}

export interface TVendingRequest {
  name: string;
  owner: string;
  costCenter: string;
  environment: string;
}

/**
 * The tags a vended account carries, under the keys the tag checks read: owner, project (the
 * request's name: a request is for one project), the cost-center and environment keys of the settings.
 */
export function vendingTags(
  r: TVendingRequest,
  settings: Pick<TSettings, "costCenterTagKey" | "environmentTagKey">,
): Record<string, string> {
  return {
    owner: r.owner,
    project: r.name,
    [settings.costCenterTagKey]: r.costCenter,
    [settings.environmentTagKey]: r.environment,
  };
}

/** Tags the account lacks or carries with another value. */
export function missingTags(
  wanted: Readonly<Record<string, string>>,
  actual: Readonly<Record<string, string>>,
): Record<string, string> {
  return Object.fromEntries(Object.entries(wanted).filter(([k, v]) => actual[k] !== v));
}

/**
 * Waits between DescribeCreateAccountStatus polls: doubling from `firstMs` up to `capMs`, `attempts`
 * polls in all. AWS usually finishes in a few minutes; the defaults give up after about ten.
 */
export function pollDelays(attempts = 14, firstMs = 2_000, capMs = 60_000): number[] {
  return Array.from({ length: attempts }, (_, i) => Math.min(firstMs * 2 ** i, capMs));
}
