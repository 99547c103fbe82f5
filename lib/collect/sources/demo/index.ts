// The demo source: a realistic, fully deterministic snapshot of a fictional AWS organization
// ("acme") with deliberate governance violations planted for the checks to find. Same
// (seed, accounts, months, now) → same snapshot; nothing reads the clock except through `now`.
import type { TSnapshotInput } from "@/lib/domain/snapshot";
import { MIN_ACCOUNTS, planAccounts } from "./accounts";
import { generateCosts } from "./costs";
import { buildGuardDutyOrganization } from "./baseline";
import { buildAudits, buildBuckets } from "./evidence";
import { buildCreateAccountStatuses, buildPlacements, toAccountInput } from "./history";
import { ORGANIZATION } from "./org";
import { buildDelegatedAdmins, buildPolicies } from "./policies";
import { iso } from "./time";

export { DEMO_VIOLATIONS, type DemoViolation } from "./violations";
export { MIN_ACCOUNTS } from "./accounts";

export const DEMO_DEFAULT_SEED = 42;
export const DEMO_DEFAULT_ACCOUNTS = 60;

export interface DemoOptions {
  seed?: number;
  /** Total accounts, including the fixed foundation; at least MIN_ACCOUNTS. Default 60. */
  accounts?: number;
  /** Months of cost history ending with the current, open month. Default 14. */
  months?: number;
  now?: Date;
}

export function generateDemoSnapshot(opts: DemoOptions = {}): TSnapshotInput {
  const seed = opts.seed ?? DEMO_DEFAULT_SEED;
  const accountCount = opts.accounts ?? DEMO_DEFAULT_ACCOUNTS;
  const monthCount = opts.months ?? 14;
  const now = (opts.now ?? new Date()).getTime();
  if (!Number.isFinite(seed)) throw new RangeError("seed must be a finite number");
  if (!Number.isInteger(accountCount) || accountCount < MIN_ACCOUNTS) {
    throw new RangeError(
      `accounts must be an integer of at least ${MIN_ACCOUNTS} (the fixed foundation and planted accounts)`,
    );
  }
  if (!Number.isInteger(monthCount) || monthCount < 1)
    throw new RangeError("months must be a positive integer");
  if (!Number.isFinite(now)) throw new RangeError("now must be a valid date");

  const plan = planAccounts(accountCount, seed, now);
  const { costs, current } = generateCosts(plan.specs, seed, now, monthCount);
  return {
    source: "demo",
    collectedAt: iso(now),
    organization: { ...ORGANIZATION },
    orgUnits: plan.layout.orgUnits,
    accounts: plan.specs.map(toAccountInput),
    placementHistory: buildPlacements(plan.specs),
    policies: buildPolicies(plan.specs, plan.layout),
    delegatedAdmins: buildDelegatedAdmins(plan.specs),
    createAccountStatuses: buildCreateAccountStatuses(plan.specs, seed, now),
    costs,
    audits: buildAudits(plan.specs, seed, now, current),
    buckets: buildBuckets(),
    guardDutyOrganization: buildGuardDutyOrganization(),
  };
}
